import { ReactFlowState } from '@xyflow/react';

/** Below this zoom, column rows are too small to read: tables show names only. */
export const DETAIL_ZOOM = 0.3;
/** Below this zoom, relationship labels are dropped. */
export const LABEL_ZOOM = 0.7;
/**
 * Below this zoom, overviews of large projects show only the group areas:
 * further out, too many tables would be on screen at once to stay fluid.
 */
export const MAP_ZOOM = 0.6;

export const selectShowColumns = (s: ReactFlowState) => s.transform[2] >= DETAIL_ZOOM;
export const selectShowLabels = (s: ReactFlowState) => s.transform[2] >= LABEL_ZOOM;
