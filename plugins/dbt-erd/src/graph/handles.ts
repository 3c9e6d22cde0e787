import { NodeHandle, Position } from '@xyflow/react';
import { NODE_METRICS } from './nodeSize';

/** Which side of a table an edge leaves or enters. */
export type Side = 'l' | 'r';

/**
 * Handle ids: one pair per column that a relationship uses, plus a pair on
 * the header for modes that hide the column (or when the column is unknown).
 */
export function handleId(column: string | undefined, side: Side): string {
  return column ? `col:${column.toLowerCase()}:${side}` : `table:${side}`;
}

/** A handle on a node's left or right border, `top` flow px below the node's top. */
export interface HandlePlacement {
  id: string;
  side: Side;
  top: number;
}

const SIDES: readonly Side[] = ['l', 'r'];

/** The header's pair of handles, `top` below the node's top. */
export function headerHandles(top: number): HandlePlacement[] {
  return SIDES.map(side => ({ id: handleId(undefined, side), side, top }));
}

/**
 * Where relationships attach to a table: the header, and each column a
 * relationship uses, at fixed offsets from the same metrics as the layout,
 * so they stay put when zooming out drops the rows (level of detail).
 */
export function tableHandles(
  columns: readonly { name: string; linked: boolean }[],
): HandlePlacement[] {
  const list = headerHandles(NODE_METRICS.headerHeight / 2);
  columns.forEach((column, index) => {
    if (!column.linked) return;
    const top =
      NODE_METRICS.headerHeight +
      index * NODE_METRICS.rowHeight +
      NODE_METRICS.rowHeight / 2;
    for (const side of SIDES)
      list.push({ id: handleId(column.name, side), side, top });
  });
  return list;
}

/**
 * The handles as React Flow's node `handles`: within a pixel of where the
 * drawn ones end up (1 px handles on a table's 1 px border), which React
 * Flow measures once a node is drawn. Declared up front, they let React Flow
 * cull a node it has never drawn (`onlyRenderVisibleElements`) and still draw
 * its edges; without them it mounts every node it is given once, to measure
 * its handles, and a 900-table focus mounted all 900. With them goes each
 * node's `measured` size (toFlow): React Flow fits the view (fitView, the
 * zoom controls' fit) to measured nodes only, and a culled node is never
 * measured.
 */
export function declaredHandles(
  placements: readonly HandlePlacement[],
  nodeWidth: number,
): NodeHandle[] {
  return placements.map(h => ({
    id: h.id,
    type: 'source',
    position: h.side === 'l' ? Position.Left : Position.Right,
    x: h.side === 'l' ? 0.5 : nodeWidth - 1.5,
    y: h.top + 0.5,
    width: 1,
    height: 1,
  }));
}
