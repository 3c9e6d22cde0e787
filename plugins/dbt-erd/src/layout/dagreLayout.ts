import dagre from '@dagrejs/dagre';
import { Rect } from '../graph/types';
import { LayoutRequest, LayoutResult } from './types';

const GROUP_PREFIX = '\u0000group:';
const GROUP_PADDING = 20;
const GROUP_LABEL = 30;

function run(request: LayoutRequest, compound: boolean): LayoutResult {
  const graph = new dagre.graphlib.Graph({ multigraph: true, compound });
  // Left to right: referencing (fact) tables left, referenced (dimension) tables right.
  graph.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 90, edgesep: 10, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of request.nodes) {
    graph.setNode(node.id, { width: node.width, height: node.height });
    if (compound && node.group) {
      const groupId = GROUP_PREFIX + node.group;
      if (!graph.hasNode(groupId)) graph.setNode(groupId, {});
      graph.setParent(node.id, groupId);
    }
  }
  for (const edge of request.edges) {
    if (edge.source !== edge.target) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);

  const positions: LayoutResult['positions'] = {};
  const bounds: Record<string, { x1: number; y1: number; x2: number; y2: number }> = {};
  for (const node of request.nodes) {
    const laid = graph.node(node.id);
    const x = laid.x - node.width / 2;
    const y = laid.y - node.height / 2;
    positions[node.id] = { x, y };
    if (request.groupAreas && node.group) {
      const b = (bounds[node.group] ??= { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });
      b.x1 = Math.min(b.x1, x);
      b.y1 = Math.min(b.y1, y);
      b.x2 = Math.max(b.x2, x + node.width);
      b.y2 = Math.max(b.y2, y + node.height);
    }
  }
  // Areas are the members' bounding boxes (dagre's own cluster boxes leave
  // no room for a label).
  const groups: Record<string, Rect> = {};
  for (const [name, b] of Object.entries(bounds)) {
    groups[name] = {
      x: b.x1 - GROUP_PADDING,
      y: b.y1 - GROUP_PADDING - GROUP_LABEL,
      width: b.x2 - b.x1 + 2 * GROUP_PADDING,
      height: b.y2 - b.y1 + 2 * GROUP_PADDING + GROUP_LABEL,
    };
  }
  return { positions, groups };
}

/**
 * A layered (Sugiyama) layout by dagre. With group areas, tables of one
 * group are kept together as a dagre cluster; if dagre's compound layout
 * fails on an odd graph, the flat layout is used instead.
 */
export function dagreLayout(request: LayoutRequest): LayoutResult {
  if (request.groupAreas && request.nodes.some(n => n.group)) {
    try {
      return run(request, true);
    } catch {
      // fall through to the flat layout
    }
  }
  return run(request, false);
}
