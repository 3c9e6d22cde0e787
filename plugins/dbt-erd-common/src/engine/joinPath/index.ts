export { findJoinPath } from './findJoinPath';
export { dbtRelation } from './joinSql';
export type { JoinPath, JoinStep } from './types';
