import { ReactFlowState } from '@xyflow/react';
import { Rect } from '../../graph/types';
import { MAP_ZOOM } from './zoomTiers';

/**
 * For overviews of large projects we cull before React Flow sees the nodes:
 * handing it thousands of nodes costs a long main-thread task whenever they
 * change, even with `onlyRenderVisibleElements`. The selector returns a key
 * that changes only when the viewport leaves a padded window (half-viewport
 * steps, half-octave zoom steps), so panning re-culls rarely.
 */
export const selectOverviewWindow = (s: ReactFlowState): string => {
  const [tx, ty, zoom] = s.transform;
  if (!s.width || !s.height || zoom < MAP_ZOOM) return 'map';
  // Round the zoom down, so the window is at least as large as the view.
  const zq = 2 ** (Math.floor(Math.log2(zoom) * 2) / 2);
  const w = s.width / zq;
  const h = s.height / zq;
  const cx = Math.floor(-tx / zoom / (w / 2));
  const cy = Math.floor(-ty / zoom / (h / 2));
  return `${cx}:${cy}:${w}:${h}`;
};

/** The area (flow coordinates) whose nodes are handed to React Flow. */
export function windowRect(key: string): Rect | undefined {
  if (key === 'map') return undefined;
  const [cx, cy, w, h] = key.split(':').map(Number);
  // The view starts in cell (cx, cy) and is at most w by h: 1.5 cells of margin cover it.
  return { x: cx * (w / 2), y: cy * (h / 2), width: 1.6 * w, height: 1.6 * h };
}

export function intersects(
  rect: Rect,
  node: { position: { x: number; y: number }; width?: number; height?: number },
): boolean {
  return (
    node.position.x < rect.x + rect.width &&
    node.position.x + (node.width ?? 0) > rect.x &&
    node.position.y < rect.y + rect.height &&
    node.position.y + (node.height ?? 0) > rect.y
  );
}
