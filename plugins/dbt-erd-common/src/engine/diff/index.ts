export { diffErds, isEmptyDiff } from './diffErds';
export type { DiffSources } from './diffErds';
export { relationshipKey } from './relationshipKey';
export {
  DIFF_GATE_KINDS,
  findGatedChanges,
  parseDiffGateKinds,
} from './diffGate';
export type { DiffGateKind } from './diffGate';
export { ERD_DIFF_TARGETS, getErdDiffTarget } from './targets/registry';
export type { DiffedErds, ErdDiffTarget } from './targets/types';
export type {
  AddedRemovedChanged,
  ChangedRelationshipReason,
  ColumnChange,
  ColumnFields,
  DiffableEdge,
  DiffEdge,
  ErdDiff,
  ErdDiffSide,
  ErdDiffSummary,
  RelationshipChange,
  RelationshipEnds,
  RelationshipFields,
  RelationshipWhy,
  RemovedRelationship,
  RemovedRelationshipReason,
  TableChange,
  TableFields,
} from './types';
