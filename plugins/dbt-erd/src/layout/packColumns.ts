import { Point, Size } from '../geometry';

export interface PackedColumns extends Size {
  /** Each box's top-left corner, in input order. */
  positions: Point[];
  /** Each box's column, counted from the left. */
  columnOf: number[];
  /** Each column's left edge and width. */
  columns: Array<{ x: number; width: number }>;
}

/**
 * Boxes in columns, in input order, top to bottom then left to right, as
 * many columns as bring the whole closest to `aspectRatio` (width /
 * height), `gap` between neighbours. Unlike a 2D bin packing, straight
 * gutters run between the columns: a line can reach a box behind
 * another along them (see withLeafBlocks).
 */
export function packColumns(
  boxes: readonly Size[],
  aspectRatio: number,
  gap: number,
): PackedColumns {
  let best: PackedColumns | undefined;
  let bestMisfit = Infinity;
  for (let count = 1; count <= boxes.length; count++) {
    const perColumn = Math.ceil(boxes.length / count);
    // Fewer columns would hold the boxes as well: the same packing.
    if (count > 1 && Math.ceil(boxes.length / (count - 1)) === perColumn)
      continue;
    const positions: Point[] = [];
    const columnOf: number[] = [];
    const columns: PackedColumns['columns'] = [];
    let x = 0;
    let height = 0;
    for (let start = 0; start < boxes.length; start += perColumn) {
      const members = boxes.slice(start, start + perColumn);
      const width = Math.max(...members.map(b => b.width));
      let y = 0;
      for (const box of members) {
        positions.push({ x, y });
        columnOf.push(columns.length);
        y += box.height + gap;
      }
      height = Math.max(height, y - gap);
      columns.push({ x, width });
      x += width + gap;
    }
    const packed = { positions, columnOf, columns, width: x - gap, height };
    const misfit = Math.abs(
      Math.log(packed.width / packed.height / aspectRatio),
    );
    if (misfit < bestMisfit) {
      best = packed;
      bestMisfit = misfit;
    }
  }
  return best!;
}
