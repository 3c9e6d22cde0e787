import { Rect } from '../graph/types';
import { LayoutRequest, LayoutResult } from './types';

const GAP_X = 40;
const GAP_Y = 24;
const GROUP_PADDING = 24;
const GROUP_LABEL = 36;
const GROUP_GAP = 80;

/**
 * A cheap overview layout, linear in the number of tables: each group's
 * tables in a near-square grid, groups packed in rows. Used for projects too
 * large to lay out properly on open; the real layout runs when the user
 * focuses a table.
 */
export function gridLayout(request: LayoutRequest): LayoutResult {
  const byGroup = new Map<string, LayoutRequest['nodes']>();
  for (const node of request.nodes) {
    const key = node.group ?? '';
    const list = byGroup.get(key) ?? [];
    list.push(node);
    byGroup.set(key, list);
  }

  // Lay each group out at the origin first, then place the boxes.
  const boxes: Array<{ name: string; width: number; height: number; place: (x: number, y: number) => void }> = [];
  const positions: LayoutResult['positions'] = {};
  for (const [name, nodes] of byGroup) {
    const columns = Math.max(1, Math.ceil(Math.sqrt(nodes.length * 2)));
    const cellWidth = Math.max(...nodes.map(n => n.width)) + GAP_X;
    const rowHeights: number[] = [];
    nodes.forEach((n, i) => {
      const row = Math.floor(i / columns);
      rowHeights[row] = Math.max(rowHeights[row] ?? 0, n.height + GAP_Y);
    });
    const rowTops = rowHeights.map((_, row) =>
      rowHeights.slice(0, row).reduce((a, b) => a + b, 0),
    );
    const inner = {
      width: Math.min(columns, nodes.length) * cellWidth - GAP_X,
      height: rowHeights.reduce((a, b) => a + b, 0) - GAP_Y,
    };
    const width = inner.width + 2 * GROUP_PADDING;
    const height = inner.height + 2 * GROUP_PADDING + GROUP_LABEL;
    boxes.push({
      name,
      width,
      height,
      place: (x, y) =>
        nodes.forEach((n, i) => {
          positions[n.id] = {
            x: x + GROUP_PADDING + (i % columns) * cellWidth,
            y: y + GROUP_PADDING + GROUP_LABEL + rowTops[Math.floor(i / columns)],
          };
        }),
    });
  }

  // Shelf-pack the group boxes into rows about as wide as the total is tall.
  const area = boxes.reduce((sum, b) => sum + b.width * b.height, 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.6, ...boxes.map(b => b.width));
  const groups: Record<string, Rect> = {};
  let x = 0;
  let y = 0;
  let shelfHeight = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowWidth) {
      x = 0;
      y += shelfHeight + GROUP_GAP;
      shelfHeight = 0;
    }
    box.place(x, y);
    if (request.groupAreas && box.name) {
      groups[box.name] = { x, y, width: box.width, height: box.height };
    }
    x += box.width + GROUP_GAP;
    shelfHeight = Math.max(shelfHeight, box.height);
  }
  return { positions, groups };
}
