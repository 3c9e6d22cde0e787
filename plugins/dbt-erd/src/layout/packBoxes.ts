import potpack from 'potpack';
import { Point, Size } from '../graph/types';

/**
 * Packs boxes in two dimensions to about the given shape (width / height)
 * with `gap` between neighbours, by potpack (mapbox's bin packer, which
 * aims at a square): widths are divided by the aspect ratio before packing
 * and multiplied back after, so the square it finds becomes the shape asked
 * for. Returns each box's top-left corner, in input order, and the extent.
 */
export function packBoxes(
  boxes: readonly Size[],
  aspectRatio: number,
  gap: number,
): { positions: Point[]; width: number; height: number } {
  const ratio = Number.isFinite(aspectRatio) && aspectRatio > 0 ? aspectRatio : 1;
  const scaled = boxes.map((box, index) => ({
    index,
    w: (box.width + gap) / ratio,
    h: box.height + gap,
    x: 0,
    y: 0,
  }));
  // potpack sorts its input; the index keeps the caller's order.
  potpack(scaled);
  const positions: Point[] = new Array(boxes.length);
  let width = 0;
  let height = 0;
  for (const box of scaled) {
    const x = box.x * ratio;
    positions[box.index] = { x, y: box.y };
    width = Math.max(width, x + boxes[box.index].width);
    height = Math.max(height, box.y + boxes[box.index].height);
  }
  return { positions, width, height };
}
