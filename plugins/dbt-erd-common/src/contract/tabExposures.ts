import type { ErdNodeDetails } from '../engine/types';
import type { StringTable } from './StringTable';
import type { TabExposure } from './tabPayload';

/** The exposures of one table that name an entity, in its order. */
export type TableExposureLinks = ErdNodeDetails['exposureEntities'];

/**
 * The exposures that name an entity, from each table's links (in table
 * order): one tuple per exposure (the engine repeats it on every table it
 * depends on), its tables in table order. Decoding lists a table's
 * exposures in payload order, so the payload orders them as every table
 * does (the manifest's order, for the engine's ERDs): a topological order
 * of the tables' lists, ties (and any contradiction) by the order first met.
 */
export function encodeExposures(
  linksByTable: Iterable<TableExposureLinks>,
  strings: StringTable,
): TabExposure[] {
  const byKey = new Map<string, TabExposure>();
  const followers = new Map<string, Set<string>>();
  const leaders = new Map<string, number>();
  let at = -1;
  for (const links of linksByTable) {
    at++;
    let previous: string | undefined;
    for (const link of links ?? []) {
      const key = `${link.via}\u0000${link.entityRef}`;
      let exposure = byKey.get(key);
      if (!exposure) {
        exposure = [link.via, strings.of(link.entityRef), []];
        byKey.set(key, exposure);
        followers.set(key, new Set());
        leaders.set(key, 0);
      }
      exposure[2].push(at);
      if (previous !== undefined && !followers.get(previous)!.has(key)) {
        followers.get(previous)!.add(key);
        leaders.set(key, leaders.get(key)! + 1);
      }
      previous = key;
    }
  }
  const ordered: TabExposure[] = [];
  const left = [...byKey.keys()];
  while (left.length > 0) {
    const ready = left.findIndex(key => leaders.get(key) === 0);
    const [key] = left.splice(Math.max(ready, 0), 1);
    ordered.push(byKey.get(key)!);
    for (const next of followers.get(key)!)
      leaders.set(next, leaders.get(next)! - 1);
  }
  return ordered;
}
