import dagre from '@dagrejs/dagre';
import { Point } from '../geometry';
import { packBoxes } from './packBoxes';
import { ComponentLayout, LayOutComponent, packedLayout } from './packedLayout';
import { LayoutRequest, LayoutResult } from './types';

type Rankdir = 'LR' | 'TB';

/** Past this many tables a component is laid out once, left to right only. */
const TRY_BOTH_MAX = 300;

function runDagre(
  nodes: Parameters<LayOutComponent>[0],
  edges: Parameters<LayOutComponent>[1],
  rankdir: Rankdir,
): ComponentLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({
    rankdir,
    nodesep: 30,
    ranksep: 70,
    edgesep: 10,
    marginx: 0,
    marginy: 0,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  // graphlib keeps nodes in plain objects: artifact ids (`__proto__`...)
  // never reach it, only their indices.
  const index = new Map<string, string>();
  nodes.forEach((node, i) => {
    index.set(node.id, String(i));
    graph.setNode(String(i), { width: node.width, height: node.height });
  });
  edges.forEach((edge, i) => {
    const v = index.get(edge.source);
    const w = index.get(edge.target);
    if (v && w && v !== w) graph.setEdge(v, w, {}, String(i));
  });
  dagre.layout(graph);

  const corners: Point[] = nodes.map((node, i) => {
    const laid = graph.node(String(i));
    return { x: laid.x - node.width / 2, y: laid.y - node.height / 2 };
  });
  // dagre's bend points, without its first and last: those are where a
  // line to the table's centre meets its border, while the lines are drawn
  // from column handles (see routedPath).
  const bends = new Map<string, Point[]>();
  edges.forEach((edge, i) => {
    const v = index.get(edge.source);
    const w = index.get(edge.target);
    if (!v || !w || v === w) return;
    const points = graph.edge({ v, w, name: String(i) })?.points ?? [];
    if (points.length > 2) bends.set(edge.id, points.slice(1, -1));
  });
  // The extent holds the lines too: one that bends around the outside of
  // the component must not run over its neighbour after packing.
  let minX = Infinity;
  let minY = Infinity;
  for (const p of [...corners, ...[...bends.values()].flat()]) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  const positions = new Map<string, Point>();
  let width = 0;
  let height = 0;
  nodes.forEach((node, i) => {
    const p = { x: corners[i].x - minX, y: corners[i].y - minY };
    positions.set(node.id, p);
    width = Math.max(width, p.x + node.width);
    height = Math.max(height, p.y + node.height);
  });
  const routes = new Map<string, number[]>();
  for (const [id, points] of bends) {
    const route: number[] = [];
    for (const p of points) {
      route.push(Math.round(p.x - minX), Math.round(p.y - minY));
      width = Math.max(width, p.x - minX);
      height = Math.max(height, p.y - minY);
    }
    routes.set(id, route);
  }
  return { positions, width, height, routes };
}

const misfit = (c: ComponentLayout, aspectRatio: number) =>
  Math.abs(Math.log(c.width / c.height / aspectRatio));

/** Leaves of one hub, all on the same side of their relationships. */
const LEAF_BLOCK_MIN = 4;
const LEAF_GAP = 30;

/**
 * dagre puts every table of a rank in one line, so a star (a dimension that
 * forty facts reference: `dim_date`) becomes a tower. Leaves (tables joined
 * only to one hub) that share a hub and a direction are replaced by one
 * block, their tables packed in 2D inside it; dagre places the block.
 */
function withLeafBlocks(
  nodes: Parameters<LayOutComponent>[0],
  edges: Parameters<LayOutComponent>[1],
  aspectRatio: number,
  layOut: (
    n: Parameters<LayOutComponent>[0],
    e: Parameters<LayOutComponent>[1],
  ) => ComponentLayout,
): ComponentLayout {
  const neighbours = new Map<string, Set<string>>(
    nodes.map(n => [n.id, new Set()]),
  );
  for (const e of edges) {
    neighbours.get(e.source)?.add(e.target);
    neighbours.get(e.target)?.add(e.source);
  }
  const sources = new Set(edges.map(e => e.source));
  // Leaves by (hub, side): "out" when the leaf references the hub.
  const blocks = new Map<
    string,
    { hub: string; out: boolean; members: typeof nodes }
  >();
  const blockOf = new Map<string, string>();
  for (const node of nodes) {
    const near = neighbours.get(node.id)!;
    if (near.size !== 1) continue;
    const hub = [...near][0];
    if (neighbours.get(hub)!.size === 1) continue; // a pair: two leaves
    const out = sources.has(node.id);
    const key = `${out ? '>' : '<'}${hub}`;
    const block = blocks.get(key) ?? { hub, out, members: [] };
    block.members.push(node);
    blocks.set(key, block);
  }
  const packedBlocks = new Map<
    string,
    { ids: string[]; packed: ReturnType<typeof packBoxes> }
  >();
  const reducedNodes = [...nodes];
  let blockIndex = 0;
  for (const block of blocks.values()) {
    if (block.members.length < LEAF_BLOCK_MIN) continue;
    const id = `\u0000block:${blockIndex++}`;
    const packed = packBoxes(block.members, aspectRatio / 2, LEAF_GAP);
    packedBlocks.set(id, { ids: block.members.map(m => m.id), packed });
    block.members.forEach(m => blockOf.set(m.id, id));
    reducedNodes.push({ id, width: packed.width, height: packed.height });
  }
  if (!packedBlocks.size) return layOut(nodes, edges);
  const toBlock = new Set(
    edges
      .filter(e => blockOf.has(e.source) || blockOf.has(e.target))
      .map(e => e.id),
  );
  const reduced = layOut(
    reducedNodes.filter(n => !blockOf.has(n.id)),
    edges
      .filter(e => !(blockOf.has(e.source) && blockOf.has(e.target)))
      .map(e => ({
        ...e,
        source: blockOf.get(e.source) ?? e.source,
        target: blockOf.get(e.target) ?? e.target,
      })),
  );
  // A line to a block ends at the block's border, not at its table.
  const routes = new Map(
    [...(reduced.routes ?? [])].filter(([id]) => !toBlock.has(id)),
  );
  const positions = new Map<string, Point>();
  for (const [id, p] of reduced.positions) {
    const block = packedBlocks.get(id);
    if (!block) positions.set(id, p);
    else
      block.ids.forEach((member, i) =>
        positions.set(member, {
          x: p.x + block.packed.positions[i].x,
          y: p.y + block.packed.positions[i].y,
        }),
      );
  }
  return { positions, width: reduced.width, height: reduced.height, routes };
}

/**
 * One component by dagre (layered, Sugiyama): left to right, referencing
 * (fact) tables left of referenced (dimension) ones, leaves of one hub
 * packed as a block (see withLeafBlocks). When top to bottom fits the
 * canvas's shape more than twice as well, that is used instead.
 */
export const dagreComponent: LayOutComponent = (nodes, edges, aspectRatio) => {
  const run = (rankdir: Rankdir) =>
    withLeafBlocks(nodes, edges, aspectRatio, (n, e) =>
      runDagre(n, e, rankdir),
    );
  const lr = run('LR');
  if (nodes.length > TRY_BOTH_MAX || misfit(lr, aspectRatio) < Math.log(2))
    return lr;
  const tb = run('TB');
  // Lines leave tables sideways, from column handles: a top-to-bottom
  // route does not fit them, so those lines are drawn directly.
  return misfit(tb, aspectRatio) + Math.log(2) < misfit(lr, aspectRatio)
    ? { ...tb, routes: undefined }
    : lr;
};

/**
 * The layered layout: each connected component by dagre, the tables that
 * join nothing and the groups packed around them to the canvas's shape
 * (see packedLayout).
 */
export function dagreLayout(request: LayoutRequest): LayoutResult {
  return packedLayout(request, dagreComponent);
}
