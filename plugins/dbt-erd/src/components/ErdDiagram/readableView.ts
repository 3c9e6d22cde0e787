import { Rect } from '../../graph/types';

/** The smallest on-screen size of a table name a person reads without effort. */
export const LEGIBLE_PX = 9;
/** The zoom a first view opens at when fitting everything would be unreadable. */
export const READABLE_ZOOM = 0.7;
/**
 * Down to this zoom, level of detail keeps names legible (drawn larger over
 * the table, wrapped): a diagram that fits at this zoom is shown whole.
 */
export const LOD_MIN_ZOOM = 0.35;
/** The zoom a partial first view of tables with columns opens at: names by level of detail. */
export const LOD_REGION_ZOOM = 0.38;
const PADDING = 0.1;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The box around all of `rects`. */
export function boundsOf(rects: Rect[]): Rect | undefined {
  if (!rects.length) return undefined;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** The zoom at which `bounds` fits a canvas of `width` × `height` with padding. */
export function fitZoom(
  bounds: Rect,
  width: number,
  height: number,
  maxZoom: number,
): number {
  const zoom = Math.min(
    width / (bounds.width * (1 + 2 * PADDING)),
    height / (bounds.height * (1 + 2 * PADDING)),
  );
  return Math.min(maxZoom, zoom);
}

/** Keeps a view of `size` inside [start, start + extent] on one axis, centred on `centre` if possible. */
function clampAxis(
  centre: number,
  size: number,
  start: number,
  extent: number,
): number {
  if (extent <= size) return start + extent / 2 - size / 2;
  return Math.min(Math.max(centre - size / 2, start), start + extent - size);
}

/**
 * The first view of a layout: everything, when that keeps table names at
 * least LEGIBLE_PX on screen, by level of detail where tables have rows to
 * draw names over (undefined: the caller fits the view); otherwise a region
 * around `focus` (the most connected table) at a zoom where names are
 * legible, kept inside the diagram so no side of the canvas is wasted.
 */
export function readableViewport(
  bounds: Rect,
  focus: Rect | undefined,
  canvas: { width: number; height: number },
  options: { titleFontPx: number; maxZoom: number; levelOfDetail: boolean },
): Viewport | undefined {
  const fit = fitZoom(bounds, canvas.width, canvas.height, options.maxZoom);
  const legible = LEGIBLE_PX / options.titleFontPx;
  if (fit >= legible || (options.levelOfDetail && fit >= LOD_MIN_ZOOM))
    return undefined;
  const zoom = options.levelOfDetail
    ? LOD_REGION_ZOOM
    : Math.max(READABLE_ZOOM, legible);
  const viewWidth = canvas.width / zoom;
  const viewHeight = canvas.height / zoom;
  // Without a most connected table, start reading at the top left, as on a
  // page; with one, centre on it, but never so that its name (at its top
  // left) is out of view.
  const target = focus ?? { ...bounds, width: 0, height: 0 };
  const margin = 24 / zoom;
  const onAxis = (start: number, size: number, view: number) =>
    Math.min(start + size / 2, start - margin + view / 2);
  const left = clampAxis(
    onAxis(target.x, target.width, viewWidth),
    viewWidth,
    bounds.x,
    bounds.width,
  );
  const top = clampAxis(
    onAxis(target.y, target.height, viewHeight),
    viewHeight,
    bounds.y,
    bounds.height,
  );
  return { x: -left * zoom, y: -top * zoom, zoom };
}
