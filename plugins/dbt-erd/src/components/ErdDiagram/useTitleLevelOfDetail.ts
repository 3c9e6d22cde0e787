import { useStoreApi } from '@xyflow/react';
import { RefObject, useEffect } from 'react';
import { NODE_METRICS } from '../../graph/nodeSize';
import { TABLE } from './tableNodeStyles';
import { LEGIBLE_PX } from './readableView';
import { DETAIL_ZOOM } from './zoomTiers';

/** Names never grow past this (flow px): a names-only table is one line of 34 px; 28 px at LOD_MIN_ZOOM is still 9.8 px on screen. */
const MAX_TITLE_PX = 28;

/**
 * Level of detail for table names: below DETAIL_ZOOM the canvas root gets
 * `TABLE.levelOfDetail` and `--erd-title-px`, a font size that keeps names
 * at LEGIBLE_PX on screen; the node styles then draw the name over the
 * whole table, wrapped. Written to the DOM from a store subscription, so
 * zooming re-renders no node.
 */
export function useTitleLevelOfDetail(root: RefObject<HTMLElement>) {
  const store = useStoreApi();
  useEffect(() => {
    let last = '';
    const apply = (zoom: number) => {
      const el = root.current;
      if (!el) return;
      const lod = zoom < DETAIL_ZOOM;
      const px = lod
        ? Math.min(MAX_TITLE_PX, Math.ceil((LEGIBLE_PX + 0.5) / zoom))
        : NODE_METRICS.titleFontPx;
      const key = `${lod}:${px}`;
      if (key === last) return;
      last = key;
      el.classList.toggle(TABLE.levelOfDetail, lod);
      el.style.setProperty('--erd-title-px', `${px}px`);
    };
    apply(store.getState().transform[2]);
    return store.subscribe(s => apply(s.transform[2]));
  }, [store, root]);
}
