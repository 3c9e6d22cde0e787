import { Hop } from './relationshipGraph';

/** What a path costs after its length: inferred hops, then many-to-many hops. */
interface TieCost {
  inferred: number;
  manyToMany: number;
}

function cheaper(a: TieCost, b: TieCost): boolean {
  if (a.inferred !== b.inferred) return a.inferred < b.inferred;
  return a.manyToMany < b.manyToMany;
}

/**
 * The fewest hops from `from` to `to`; among equally short paths the one
 * with the fewest inferred, then the fewest many-to-many relationships.
 * Breadth-first by level: length comes first, so within a level each table
 * keeps its cheapest predecessor, which is exact and linear in the edges.
 * Equal costs keep the first found, so the answer is stable for an ERD.
 */
export function shortestHops(
  graph: Map<string, Hop[]>,
  from: string,
  to: string,
): Hop[] | null {
  const cost = new Map<string, TieCost>([
    [from, { inferred: 0, manyToMany: 0 }],
  ]);
  const via = new Map<string, { previous: string; hop: Hop }>();
  let level = [from];
  while (level.length > 0 && !cost.has(to)) {
    const next = new Map<string, TieCost>();
    for (const table of level) {
      const base = cost.get(table)!;
      for (const hop of graph.get(table) ?? []) {
        if (cost.has(hop.to)) continue;
        const candidate = {
          inferred: base.inferred + (hop.inferred ? 1 : 0),
          manyToMany: base.manyToMany + (hop.manyToMany ? 1 : 0),
        };
        const known = next.get(hop.to);
        if (!known || cheaper(candidate, known)) {
          next.set(hop.to, candidate);
          via.set(hop.to, { previous: table, hop });
        }
      }
    }
    for (const [table, tableCost] of next) cost.set(table, tableCost);
    level = [...next.keys()];
  }
  if (!cost.has(to)) return null;
  const hops: Hop[] = [];
  for (let table = to; table !== from; ) {
    const step = via.get(table)!;
    hops.unshift(step.hop);
    table = step.previous;
  }
  return hops;
}
