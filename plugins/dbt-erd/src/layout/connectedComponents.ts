/**
 * The connected components of a graph (union-find), each listed in input
 * order, largest first. Edges to ids outside `ids` are ignored.
 */
export function connectedComponents<T extends { id: string }>(
  nodes: readonly T[],
  edges: ReadonlyArray<{ source: string; target: string }>,
): T[][] {
  const parent = new Map<string, string>(nodes.map(n => [n.id, n.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    // Path compression keeps later look-ups short.
    let at = id;
    while (at !== r) {
      const next = parent.get(at)!;
      parent.set(at, r);
      at = next;
    }
    return r;
  };
  for (const edge of edges) {
    if (!parent.has(edge.source) || !parent.has(edge.target)) continue;
    const a = root(edge.source);
    const b = root(edge.target);
    if (a !== b) parent.set(a, b);
  }
  const byRoot = new Map<string, T[]>();
  for (const node of nodes) {
    const r = root(node.id);
    const list = byRoot.get(r);
    if (list) list.push(node);
    else byRoot.set(r, [node]);
  }
  return [...byRoot.values()].sort((a, b) => b.length - a.length);
}
