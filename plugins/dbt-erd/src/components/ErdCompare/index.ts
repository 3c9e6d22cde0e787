export { ErdCompareControl } from './ErdCompareControl';
export { ErdChangeList } from './ErdChangeList';
export { applyDiffMarks, changesWithNeighbours } from './diffMarks';
export { useDiffStyles } from './diffStyles';
export { useErdDiffOverlay } from './useErdDiffOverlay';
export { ErdCompareError } from './ErdCompareError';
