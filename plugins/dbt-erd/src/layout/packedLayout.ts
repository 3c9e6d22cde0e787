import { Point, Size } from '../geometry';
import { connectedComponents } from './connectedComponents';
import { packBoxes } from './packBoxes';
import { LayoutRequest, LayoutResult } from './types';

type LayoutNode = LayoutRequest['nodes'][number];
type LayoutEdge = LayoutRequest['edges'][number];

/** One connected component laid out from (0, 0). */
export interface ComponentLayout extends Size {
  positions: Map<string, Point>;
  /** Bend points of the lines inside, from (0, 0) too (see LayoutResult.routes). */
  routes?: Map<string, number[]>;
}

/** Moves routes by (dx, dy) into `into`. */
function shiftRoutes(
  routes: ReadonlyMap<string, number[]> | undefined,
  dx: number,
  dy: number,
  into: Map<string, number[]>,
) {
  for (const [id, route] of routes ?? [])
    into.set(
      id,
      route.map((v, i) => Math.round(v + (i % 2 ? dy : dx))),
    );
}

/** Lays out one connected component of two or more tables. */
export type LayOutComponent = (
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  aspectRatio: number,
) => ComponentLayout;

/** A 1440×900 window's canvas, when the caller does not say. */
export const DEFAULT_ASPECT_RATIO = 2;
const COMPONENT_GAP = 30;
const GROUP_GAP = 50;
export const GROUP_PADDING = 20;
export const GROUP_LABEL = 36;
/** Width per character of a group's 13 px label, a safe over-estimate. */
const LABEL_CHAR = 8;

/** The label a group area carries; GroupNode prints the same. */
export function groupLabel(name: string, tableCount: number): string {
  return `${name} · ${tableCount} ${tableCount === 1 ? 'table' : 'tables'}`;
}

function single(node: LayoutNode): ComponentLayout {
  return {
    positions: new Map([[node.id, { x: 0, y: 0 }]]),
    width: node.width,
    height: node.height,
  };
}

/** The components of one group, packed to the canvas's shape. */
function layOutGroup(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  aspectRatio: number,
  layOutComponent: LayOutComponent | undefined,
): ComponentLayout {
  const ids = new Set(nodes.map(n => n.id));
  const inside = edges.filter(
    e => e.source !== e.target && ids.has(e.source) && ids.has(e.target),
  );
  const components = layOutComponent
    ? connectedComponents(nodes, inside)
    : nodes.map(n => [n]);
  const componentOf = new Map<string, number>();
  components.forEach((members, i) =>
    members.forEach(m => componentOf.set(m.id, i)),
  );
  const edgesOf = components.map((): LayoutEdge[] => []);
  for (const edge of inside) edgesOf[componentOf.get(edge.source)!].push(edge);
  const laid = components.map((members, i) =>
    members.length === 1 || !layOutComponent
      ? single(members[0])
      : layOutComponent(members, edgesOf[i], aspectRatio),
  );
  const packed = packBoxes(laid, aspectRatio, COMPONENT_GAP);
  const positions = new Map<string, Point>();
  const routes = new Map<string, number[]>();
  laid.forEach((component, i) => {
    const at = packed.positions[i];
    for (const [id, p] of component.positions) {
      positions.set(id, { x: at.x + p.x, y: at.y + p.y });
    }
    shiftRoutes(component.routes, at.x, at.y, routes);
  });
  return { positions, width: packed.width, height: packed.height, routes };
}

/**
 * Lays out tables so that the whole fills a canvas of the requested shape:
 * per group (schema, or `entityGroup`), each connected component on its own
 * (`layOutComponent`; without it every table is its own box), tables that
 * join nothing as single boxes, all packed in 2D to the aspect ratio; then
 * the groups, framed with room for their label, packed the same way. No
 * towers of unconnected tables, no overlaps.
 */
export function packedLayout(
  request: LayoutRequest,
  layOutComponent?: LayOutComponent,
): LayoutResult {
  const aspectRatio = request.aspectRatio ?? DEFAULT_ASPECT_RATIO;
  const byGroup = new Map<string, LayoutNode[]>();
  for (const node of request.nodes) {
    const key = (request.groupAreas && node.group) || '';
    const list = byGroup.get(key);
    if (list) list.push(node);
    else byGroup.set(key, [node]);
  }

  const framed = [...byGroup].map(([name, nodes]) => {
    const inner = layOutGroup(
      nodes,
      request.edges,
      aspectRatio,
      layOutComponent,
    );
    if (!name)
      return {
        name,
        inner,
        width: inner.width,
        height: inner.height,
        offset: { x: 0, y: 0 },
      };
    const label =
      groupLabel(name, nodes.length).length * LABEL_CHAR + 2 * GROUP_PADDING;
    return {
      name,
      inner,
      width: Math.max(inner.width + 2 * GROUP_PADDING, label),
      height: inner.height + 2 * GROUP_PADDING + GROUP_LABEL,
      offset: { x: GROUP_PADDING, y: GROUP_PADDING + GROUP_LABEL },
    };
  });
  const packed = packBoxes(framed, aspectRatio, GROUP_GAP);

  const positions = new Map<string, Point>();
  const routes = new Map<string, number[]>();
  const groups = new Map<
    string,
    { x: number; y: number; width: number; height: number }
  >();
  framed.forEach((group, i) => {
    const at = packed.positions[i];
    if (group.name)
      groups.set(group.name, {
        ...at,
        width: group.width,
        height: group.height,
      });
    for (const [id, p] of group.inner.positions) {
      positions.set(id, {
        x: at.x + group.offset.x + p.x,
        y: at.y + group.offset.y + p.y,
      });
    }
    shiftRoutes(
      group.inner.routes,
      at.x + group.offset.x,
      at.y + group.offset.y,
      routes,
    );
  });
  return routes.size ? { positions, groups, routes } : { positions, groups };
}
