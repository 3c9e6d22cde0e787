import potpack from 'potpack';
import { Point, Size } from '../geometry';

type Packed = { positions: Point[]; width: number; height: number };

/** potpack (mapbox's bin packer, which aims at a square) in a space stretched by `ratio`. */
function packStretched(
  boxes: readonly Size[],
  ratio: number,
  gap: number,
): Packed {
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

/** Stretches tried around the target: with few boxes, potpack's square is coarse. */
const STRETCHES = [1, 0.5, 0.7, 1.4, 2, 3];
/** With many boxes the square is close already, and each try costs a packing. */
const TRY_STRETCHES_MAX = 200;

/**
 * Packs boxes in two dimensions to about the given shape (width / height)
 * with `gap` between neighbours, by potpack: widths are divided by the
 * ratio before packing and multiplied back after, so the square it finds
 * becomes the shape asked for. A few stretches around the ratio are tried
 * and the packing that fits a canvas of that shape at the largest zoom
 * wins. Returns each box's top-left corner, in input order, and the extent.
 */
export function packBoxes(
  boxes: readonly Size[],
  aspectRatio: number,
  gap: number,
): Packed {
  const ratio =
    Number.isFinite(aspectRatio) && aspectRatio > 0 ? aspectRatio : 1;
  // The side that limits the zoom when fitting into a canvas of this shape.
  const extent = (p: Packed) => Math.max(p.width / ratio, p.height);
  let best: Packed | undefined;
  const tries =
    boxes.length > 1 && boxes.length <= TRY_STRETCHES_MAX ? STRETCHES : [1];
  for (const stretch of tries) {
    const packed = packStretched(boxes, ratio * stretch, gap);
    if (!best || extent(packed) < extent(best)) best = packed;
  }
  return best!;
}
