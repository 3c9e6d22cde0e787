/**
 * The dbt ERD engine: dbt artifacts in, dbterd-compatible ERD and exports out.
 * Pure TypeScript, no I/O, usable in the backend and in the browser.
 */
export {
  buildErd,
  buildErdFromIndex,
  DEFAULT_DBTERD_VERSION,
  ErdDerivation,
} from './buildErd';
export type { DerivedView, DrawnTable } from './derivation/DerivedView';
export type { ColumnStrings } from './derivation/ProjectFacts';
export { renderErd } from './renderErd';
export { ErdInputError } from './errors';
export { findJoinPath, dbtRelation, isInferredEdge } from './joinPath';
export type { JoinPath, JoinStep } from './joinPath';
export { findErdTable, ErdTableNotFoundError } from './tables/findErdTable';
export { dbtNodeName, shortTableName } from './tables/dbtNodeName';
export type { DbtNodeName } from './tables/dbtNodeName';
export { DEFAULT_ERD_OPTIONS, resolveErdOptions } from './options';
export { ERD_ALGORITHMS, getErdAlgorithm } from './algorithms/registry';
export {
  ERD_TARGETS,
  ERD_TARGET_LABELS,
  getErdTarget,
} from './targets/registry';
export { toJson } from './targets/json';
export { ERD_RESOURCE_TYPES } from './selection/validateSelection';
export {
  ENTITY_NAME_PARTS,
  DEFAULT_ENTITY_NAME_FORMAT,
} from './naming/entityName';
export { ENTITY_GROUP_ATTRIBUTES } from './naming/entityGroup';
export {
  indexArtifacts,
  MISSING_CATALOG_WARNING,
} from './artifacts/indexArtifacts';
export type { DbtArtifacts } from './artifacts/indexArtifacts';
export {
  indexManifestBytes,
  indexManifestBytesSync,
} from './artifacts/streaming/indexManifestBytes';
export type { CatalogInput } from './artifacts/streaming/indexManifestBytes';
export { buildErdFromBytes } from './artifacts/streaming/buildErdFromBytes';
export type {
  DbtArtifactBytes,
  ErdBytesOptions,
} from './artifacts/streaming/buildErdFromBytes';
export type { ManifestReadOptions } from './artifacts/streaming/manifestReadOptions';
export type { ByteInput } from './artifacts/streaming/byteInput';
export { indexProject } from './artifacts/projectIndex';
export type { ArtifactInput } from './artifacts/projectIndex';
export {
  setCompiledSqlAside,
  withCompiledSql,
} from './artifacts/compiledSqlAside';
export type { CompiledSqlById } from './artifacts/compiledSqlAside';
export type {
  ArtifactIndex,
  IndexedColumn,
  IndexedConstraint,
  IndexedModelSql,
  IndexedNode,
  IndexedNodeMeta,
  IndexedResourceType,
  IndexedSemanticEntity,
  IndexedSemanticModel,
  IndexedTest,
  TestKwargValue,
} from './artifacts/types';
export type {
  ErdAlgorithm,
  AlgorithmOptions,
  AlgorithmResult,
  FoundRelationship,
} from './algorithms/types';
export type { ErdTarget } from './targets/types';
export type {
  Cardinality,
  EdgeConfidence,
  EdgeProvenance,
  Erd,
  ErdBuildResult,
  ErdColumn,
  ErdEdge,
  ErdExtras,
  ErdGroup,
  ErdInferenceSummary,
  ErdMetadata,
  ErdNode,
  ErdNodeDetails,
  ErdCatalogLink,
  ErdOptions,
  ErdTableKey,
  RenderOptions,
} from './types';
export * from './diff';
