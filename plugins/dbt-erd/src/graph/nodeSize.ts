import { ErdNode } from 'backstage-plugin-dbt-erd-common';
import type { ErdModel } from './erdModel';
import { shortName } from './shortName';
import { ShowMode, Size } from './types';
import { visibleColumns } from './visibleColumns';

/**
 * Fixed metrics shared by sizing and by TableNode's styles, so that layout
 * can run (in a worker) before anything is rendered or measured.
 */
export const NODE_METRICS = {
  headerHeight: 34,
  rowHeight: 22,
  paddingBottom: 6,
  minWidth: 180,
  maxWidth: 360,
  /** Average glyph width of the 12-13px UI font, a safe over-estimate. */
  charWidth: 7.2,
  horizontalPadding: 28,
  /** The table name's font size (bold); the first view keeps it ≥ 9 px on screen. */
  titleFontPx: 14,
  /** Average glyph width of the bold title, a safe over-estimate. */
  titleCharWidth: 8.6,
  /** Header padding, group colour bar, gap and the resource type badge's frame. */
  headerChrome: 48,
  /** Average glyph width of the 9 px upper-case badge. */
  badgeCharWidth: 6.6,
} as const;

/** The size a table node is drawn at, from its name and its visible columns. */
export function nodeSize(
  node: ErdNode,
  showMode: ShowMode,
  referencedColumns?: ReadonlySet<string>,
  keyColumns?: ReadonlyMap<string, unknown>,
): Size {
  const columns = visibleColumns(node, showMode, referencedColumns, keyColumns);
  const longestRow = columns.reduce(
    // name, gap, type and the PK/FK marker
    (max, c) => Math.max(max, c.name.length + c.data_type.length + 6),
    0,
  );
  const header =
    shortName(node).length * NODE_METRICS.titleCharWidth +
    node.resource_type.length * NODE_METRICS.badgeCharWidth +
    NODE_METRICS.headerChrome;
  const width = Math.min(
    NODE_METRICS.maxWidth,
    Math.max(
      NODE_METRICS.minWidth,
      Math.ceil(header),
      Math.ceil(
        longestRow * NODE_METRICS.charWidth + NODE_METRICS.horizontalPadding,
      ),
    ),
  );
  const height =
    NODE_METRICS.headerHeight +
    (columns.length
      ? columns.length * NODE_METRICS.rowHeight + NODE_METRICS.paddingBottom
      : 0);
  return { width, height };
}

/**
 * The size of each of `ids` (model order), computed once per view: the
 * layout request and the flow nodes both read it.
 */
export function tableSizes(
  model: ErdModel,
  ids: Iterable<string>,
  showMode: ShowMode,
): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const id of ids) {
    const node = model.nodeById.get(id);
    if (node)
      sizes.set(
        id,
        nodeSize(
          node,
          showMode,
          model.referencedColumns.get(id),
          model.keysOf.get(id),
        ),
      );
  }
  return sizes;
}
