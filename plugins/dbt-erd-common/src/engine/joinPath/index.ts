export { findJoinPath } from './findJoinPath';
export { dbtRelation } from './joinSql';
export { isInferredEdge } from './relationshipGraph';
export type { JoinPath, JoinStep } from './types';
