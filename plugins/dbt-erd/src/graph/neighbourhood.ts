/**
 * The tables within `hops` relationships of `start` (itself included), by
 * breadth-first search over the undirected adjacency. Linear in the size of
 * the neighbourhood, not of the ERD, so focusing stays fast on big projects.
 */
export function neighbourhood(
  adjacency: ReadonlyMap<string, ReadonlySet<string>>,
  start: string,
  hops: number,
): Set<string> {
  const seen = new Set<string>();
  if (!adjacency.has(start)) return seen;
  seen.add(start);
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of adjacency.get(id) ?? []) {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
