export { InferredEdgesControl } from './InferredEdgesControl';
export { InferredEvidence } from './InferredEvidence';
