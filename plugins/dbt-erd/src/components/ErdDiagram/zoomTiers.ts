import { ReactFlowState } from '@xyflow/react';

import { NODE_METRICS } from '../../graph/nodeSize';
import { LEGIBLE_PX } from './readableView';

/**
 * Below this zoom, table names at their own size fall under LEGIBLE_PX on
 * screen: the canvas switches to level of detail (see useTitleLevelOfDetail),
 * names drawn larger over the whole table, no column rows.
 */
export const DETAIL_ZOOM = LEGIBLE_PX / NODE_METRICS.titleFontPx;
/** Below this zoom, relationship labels are dropped. */
export const LABEL_ZOOM = 0.7;
/**
 * Below this zoom, overviews of large projects show only the group areas:
 * further out, too many tables would be on screen at once to stay fluid.
 */
export const MAP_ZOOM = 0.6;

export const selectShowColumns = (s: ReactFlowState) =>
  s.transform[2] >= DETAIL_ZOOM;
export const selectShowLabels = (s: ReactFlowState) =>
  s.transform[2] >= LABEL_ZOOM;
