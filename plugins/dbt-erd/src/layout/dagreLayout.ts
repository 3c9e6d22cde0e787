import dagre from '@dagrejs/dagre';
import { Point, Size } from '../geometry';
import { packColumns, PackedColumns } from './packColumns';
import { ComponentLayout, LayOutComponent, packedLayout } from './packedLayout';
import { LayoutRequest, LayoutResult } from './types';

type Rankdir = 'LR' | 'TB';

/** Past this many tables a component is laid out once, left to right only. */
const TRY_BOTH_MAX = 300;
const NODESEP = 30;
const RANKSEP = 70;

function runDagre(
  nodes: Parameters<LayOutComponent>[0],
  edges: Parameters<LayOutComponent>[1],
  rankdir: Rankdir,
): ComponentLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({
    rankdir,
    nodesep: NODESEP,
    ranksep: RANKSEP,
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

const misfit = (c: Size, aspectRatio: number) =>
  Math.abs(Math.log(c.width / c.height / aspectRatio));

/** Leaves of one hub, all on the same side of their relationships. */
const LEAF_BLOCK_MIN = 4;
const LEAF_GAP = 30;

/** How far before and after a corner a routed line starts to turn. */
const SHOULDER = 8;

/** The points of an orthogonal polyline, with shoulders around each corner so a smooth curve through them turns tightly. */
function withShoulders(points: Point[]): Point[] {
  const out: Point[] = [points[0]];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, p, b] = [points[i - 1], points[i], points[i + 1]];
    const toward = (q: Point) => {
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      const r = Math.min(SHOULDER, d / 3);
      return d
        ? { x: p.x + ((q.x - p.x) * r) / d, y: p.y + ((q.y - p.y) * r) / d }
        : p;
    };
    out.push(toward(a), p, toward(b));
  }
  out.push(points[points.length - 1]);
  return out;
}

/**
 * Lines from a hub into its block of leaves. dagre routed each to the
 * block's border; a leaf in the column nearest the hub is reached from
 * there, one further back along the block's top (or bottom) edge and down
 * (or up) the gutter before its column, clear of the leaves in between.
 * Returns routes by edge id, in the block's component's coordinates.
 */
function blockRoutes(
  block: {
    hub: string;
    members: Array<Size & { id: string }>;
    packed: PackedColumns;
  },
  at: Point,
  nodes: Parameters<LayOutComponent>[0],
  edges: Parameters<LayOutComponent>[1],
  reduced: ComponentLayout,
): Map<string, number[]> {
  const routes = new Map<string, number[]>();
  const hubAt = reduced.positions.get(block.hub);
  const hub = nodes.find(n => n.id === block.hub);
  if (!hubAt || !hub) return routes;
  const { packed } = block;
  const right = at.x + packed.width / 2 > hubAt.x + hub.width / 2;
  const memberIndex = new Map(block.members.map((m, i) => [m.id, i]));
  for (const edge of edges) {
    const leaf = memberIndex.has(edge.target) ? edge.target : edge.source;
    const i = memberIndex.get(leaf);
    if (
      i === undefined ||
      (edge.source !== block.hub && edge.target !== block.hub)
    )
      continue;
    const base = reduced.routes?.get(edge.id);
    if (!base?.length) continue;
    const points: Point[] = [];
    for (let k = 0; k + 1 < base.length; k += 2)
      points.push({ x: base[k], y: base[k + 1] });
    // From the hub towards the leaf.
    if (edge.target !== leaf) points.reverse();
    const column = packed.columnOf[i];
    const fromHub = right ? column : packed.columns.length - 1 - column;
    if (fromHub > 0) {
      const near = points[points.length - 1];
      const member = block.members[i];
      const top = at.y + packed.positions[i].y;
      const above = top + member.height / 2 < at.y + packed.height / 2;
      const edgeY = above
        ? at.y - LEAF_GAP / 2
        : at.y + packed.height + LEAF_GAP / 2;
      const { x, width } = packed.columns[column];
      const gutterX = right
        ? at.x + x - LEAF_GAP / 2
        : at.x + x + width + LEAF_GAP / 2;
      const turns = withShoulders([
        near,
        { x: near.x, y: edgeY },
        { x: gutterX, y: edgeY },
        { x: gutterX, y: top + member.height / 2 },
      ]);
      points.push(...turns.slice(1));
    }
    if (edge.target !== leaf) points.reverse();
    routes.set(
      edge.id,
      points.flatMap(p => [Math.round(p.x), Math.round(p.y)]),
    );
  }
  return routes;
}

/**
 * dagre puts every table of a rank in one line, so a star (a dimension that
 * forty facts reference: `dim_date`) becomes a tower. Leaves (tables joined
 * only to one hub) that share a hub and a direction are replaced by one
 * block, their tables packed in columns inside it (see packColumns);
 * dagre places the block, and lines to the leaves run along its gutters
 * (see blockRoutes).
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
    {
      hub: string;
      members: typeof nodes;
      ids: string[];
      packed: PackedColumns;
    }
  >();
  const reducedNodes = [...nodes];
  let blockIndex = 0;
  for (const block of blocks.values()) {
    if (block.members.length < LEAF_BLOCK_MIN) continue;
    const id = `\u0000block:${blockIndex++}`;
    const packed = packColumns(block.members, aspectRatio / 2, LEAF_GAP);
    packedBlocks.set(id, {
      hub: block.hub,
      members: block.members,
      ids: block.members.map(m => m.id),
      packed,
    });
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
  const routes = new Map(
    [...(reduced.routes ?? [])].filter(([id]) => !toBlock.has(id)),
  );
  for (const [id, block] of packedBlocks) {
    const at = reduced.positions.get(id);
    if (at)
      blockRoutes(block, at, nodes, edges, reduced).forEach((route, edgeId) =>
        routes.set(edgeId, route),
      );
  }
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

type Nodes = Parameters<LayOutComponent>[0];
type Edges = Parameters<LayOutComponent>[1];

/**
 * Each table's layer as dagre would rank it, by longest path from the
 * referencing tables; undefined when the relationships form a cycle
 * (dagre breaks cycles its own way).
 */
function longestPathRanks(nodes: Nodes, edges: Edges): number[] | undefined {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out: number[][] = nodes.map(() => []);
  const waiting = nodes.map(() => 0);
  for (const edge of edges) {
    const from = index.get(edge.source);
    const to = index.get(edge.target);
    if (from === undefined || to === undefined || from === to) continue;
    out[from].push(to);
    waiting[to] += 1;
  }
  const ranks = nodes.map(() => 0);
  const ready = nodes.flatMap((_, i) => (waiting[i] === 0 ? [i] : []));
  let ranked = 0;
  while (ready.length) {
    const from = ready.pop()!;
    ranked += 1;
    for (const to of out[from]) {
      ranks[to] = Math.max(ranks[to], ranks[from] + 1);
      waiting[to] -= 1;
      if (waiting[to] === 0) ready.push(to);
    }
  }
  return ranked === nodes.length ? ranks : undefined;
}

/**
 * The sizes left to right and top to bottom would take, from the layers:
 * side by side, or stacked, each layer's tables in one line (what dagre's
 * long lines and alignment add is left out; measured on focused
 * neighbourhoods, the estimate's fit to the canvas is within 0.1 of dagre's).
 */
function estimatedSizes(nodes: Nodes, ranks: number[]): { lr: Size; tb: Size } {
  const layers = new Map<
    number,
    {
      widths: number;
      heights: number;
      count: number;
      widest: number;
      tallest: number;
    }
  >();
  nodes.forEach((node, i) => {
    const layer = layers.get(ranks[i]) ?? {
      widths: 0,
      heights: 0,
      count: 0,
      widest: 0,
      tallest: 0,
    };
    layer.widths += node.width;
    layer.heights += node.height;
    layer.count += 1;
    layer.widest = Math.max(layer.widest, node.width);
    layer.tallest = Math.max(layer.tallest, node.height);
    layers.set(ranks[i], layer);
  });
  const lr = { width: RANKSEP * (layers.size - 1), height: 0 };
  const tb = { width: 0, height: RANKSEP * (layers.size - 1) };
  for (const layer of layers.values()) {
    const gaps = NODESEP * (layer.count - 1);
    lr.width += layer.widest;
    lr.height = Math.max(lr.height, layer.heights + gaps);
    tb.width = Math.max(tb.width, layer.widths + gaps);
    tb.height += layer.tallest;
  }
  return { lr, tb };
}

/** How far the estimated fits may be from dagre's and still decide alone. */
const ESTIMATE_MARGIN = Math.log(1.25);

/**
 * Left to right, unless top to bottom fits the canvas's shape more than
 * twice as well (given both misfits, see misfit).
 */
const orientation = (lr: number, tb: number): Rankdir =>
  lr >= Math.log(2) && tb + Math.log(2) < lr ? 'TB' : 'LR';

/**
 * One (reduced) component by dagre in the direction that fits the canvas.
 * When the estimated sizes decide the direction whatever their error
 * (within ESTIMATE_MARGIN), dagre runs once; otherwise it runs both ways
 * and compares. It used to run both ways every time, and the way not taken
 * was half of a large focus's layout time.
 */
function orientedDagre(
  nodes: Nodes,
  edges: Edges,
  aspectRatio: number,
  leftToRightOnly: boolean,
): ComponentLayout {
  const lr = () => runDagre(nodes, edges, 'LR');
  // Lines leave tables sideways, from column handles: a top-to-bottom
  // route does not fit them, so those lines are drawn directly.
  const tb = () => ({ ...runDagre(nodes, edges, 'TB'), routes: undefined });
  if (leftToRightOnly) return lr();
  const ranks = longestPathRanks(nodes, edges);
  if (ranks) {
    const guess = estimatedSizes(nodes, ranks);
    const lrMisfit = misfit(guess.lr, aspectRatio);
    const tbMisfit = misfit(guess.tb, aspectRatio);
    const leaningLr = orientation(
      lrMisfit - ESTIMATE_MARGIN,
      tbMisfit + ESTIMATE_MARGIN,
    );
    const leaningTb = orientation(
      lrMisfit + ESTIMATE_MARGIN,
      tbMisfit - ESTIMATE_MARGIN,
    );
    if (leaningLr === leaningTb) return leaningLr === 'LR' ? lr() : tb();
  }
  const left = lr();
  const leftMisfit = misfit(left, aspectRatio);
  if (leftMisfit < Math.log(2)) return left;
  const top = tb();
  return orientation(leftMisfit, misfit(top, aspectRatio)) === 'TB'
    ? top
    : left;
}

/**
 * One component by dagre (layered, Sugiyama): left to right, referencing
 * (fact) tables left of referenced (dimension) ones, leaves of one hub
 * packed as a block (see withLeafBlocks). When top to bottom fits the
 * canvas's shape more than twice as well, that is used instead (see
 * orientedDagre).
 */
export const dagreComponent: LayOutComponent = (nodes, edges, aspectRatio) =>
  withLeafBlocks(nodes, edges, aspectRatio, (n, e) =>
    orientedDagre(n, e, aspectRatio, nodes.length > TRY_BOTH_MAX),
  );

/**
 * The layered layout: each connected component by dagre, the tables that
 * join nothing and the groups packed around them to the canvas's shape
 * (see packedLayout).
 */
export function dagreLayout(request: LayoutRequest): LayoutResult {
  return packedLayout(request, dagreComponent);
}
