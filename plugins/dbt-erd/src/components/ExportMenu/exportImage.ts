import { Rect } from '../../graph/types';

/**
 * Past this many pixels an image is too large for browsers to draw (Chromium
 * refuses canvases past ~268 M pixels; PNG encoders struggle long before).
 */
export const MAX_IMAGE_PIXELS = 64_000_000;
/** Below this scale table names (14 px) fall under 9 px: the image would not be readable. */
export const MIN_EXPORT_SCALE = 9 / 14;
const PNG_PIXEL_RATIO = 2;
const PADDING = 24;

function saveDataUrl(dataUrl: string, fileName: string) {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * The scale a whole-diagram image of `bounds` is drawn at: full size with a
 * sharp PNG, smaller when that would pass MAX_IMAGE_PIXELS; an error naming
 * what to do when even the smallest readable scale is too large.
 */
export function exportScale(
  bounds: Rect,
  format: 'svg' | 'png',
  tableCount: number,
): number {
  const ratio = format === 'png' ? PNG_PIXEL_RATIO : 1;
  const pixels =
    (bounds.width + 2 * PADDING) *
    (bounds.height + 2 * PADDING) *
    ratio *
    ratio;
  const scale = Math.min(1, Math.sqrt(MAX_IMAGE_PIXELS / pixels));
  if (scale < MIN_EXPORT_SCALE) {
    throw new Error(
      `the whole diagram (${tableCount} tables) is too large for one readable image; focus a table or narrow the ERD with filters first, or download DBML, Mermaid or another file format`,
    );
  }
  return scale;
}

/**
 * Saves the whole diagram (every table, not only the visible part) as SVG
 * or PNG: the canvas's viewport element, drawn at `scale` with the
 * diagram's bounds as the image. The caller has every table rendered
 * (no culling) and the zoom at 1 (columns drawn) meanwhile.
 * html-to-image is loaded on first use only, to keep it out of the tab's
 * initial bundle.
 */
export async function exportWholeDiagram(
  viewport: HTMLElement,
  bounds: Rect,
  scale: number,
  format: 'svg' | 'png',
  fileBase: string,
  backgroundColor: string,
): Promise<void> {
  const { toPng, toSvg } = await import('html-to-image');
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const options = {
    backgroundColor,
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${(PADDING - bounds.x) * scale}px, ${
        (PADDING - bounds.y) * scale
      }px) scale(${scale})`,
    },
  };
  const dataUrl =
    format === 'svg'
      ? await toSvg(viewport, options)
      : await toPng(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO });
  saveDataUrl(dataUrl, `${fileBase}-erd.${format}`);
}
