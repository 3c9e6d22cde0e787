import { Erd, ErdEdge } from '../types';

/** An ERD edge as the join path walks it, from `from` to `to` whichever side holds the FK. */
export interface Hop {
  edge: ErdEdge;
  to: string;
  /** Whether the hop walks the edge from its FK side. */
  forward: boolean;
  inferred: boolean;
  manyToMany: boolean;
}

/**
 * Edges whose `provenance` is 'inferred' were guessed from names, not
 * declared in dbt; the field is optional so ERDs without it stay valid.
 */
export function isInferredEdge(edge: ErdEdge): boolean {
  return (edge as ErdEdge & { provenance?: string }).provenance === 'inferred';
}

/** Undirected adjacency of the ERD's tables: a join may follow a relationship either way. */
export function relationshipGraph(erd: Erd): Map<string, Hop[]> {
  const graph = new Map<string, Hop[]>(erd.nodes.map(n => [n.id, []]));
  const ordered = [...erd.edges].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const edge of ordered) {
    if (edge.from_id === edge.to_id) continue;
    const from = graph.get(edge.from_id);
    const to = graph.get(edge.to_id);
    if (!from || !to) continue;
    const facts = {
      edge,
      inferred: isInferredEdge(edge),
      manyToMany: edge.cardinality === 'nn',
    };
    from.push({ ...facts, to: edge.to_id, forward: true });
    to.push({ ...facts, to: edge.from_id, forward: false });
  }
  return graph;
}

/** Every table reachable from `start`, itself included, in id order. */
export function componentOf(
  graph: Map<string, Hop[]>,
  start: string,
): string[] {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const hop of graph.get(queue[i]) ?? []) {
      if (!seen.has(hop.to)) {
        seen.add(hop.to);
        queue.push(hop.to);
      }
    }
  }
  return [...seen].sort();
}
