/**
 * The browser ↔ backend contract of the dbt ERD plugin, written once: the
 * responses, the query and its validation, the source descriptions, and the
 * tab's compact encoding.
 */
export type {
  DbtCloudIds,
  NoDbtCloudIds,
  SourceInfoBase,
  DbtCloudDiscoverySourceInfo,
  DbtCloudEnvironmentSourceInfo,
  DbtCloudJobSourceInfo,
  DbtCloudRunSourceInfo,
  DbtCloudSourceInfo,
  ErdSourceInfo,
  ErdSourceKind,
  LocalSourceInfo,
  UrlSourceInfo,
} from './sourceInfo';
export {
  describeErdSource,
  isDbtCloudSource,
  sourceLinkText,
} from './sourceInfo';
export type { ErdResponse, ErdTableResponse } from './erdResponse';
export type {
  ErdDiffQueryParams,
  ErdOptionsQueryParams,
  ErdQuery,
  ErdQueryParameter,
  ErdQueryParams,
  ErdQueryProblem,
} from './erdQuery';
export {
  erdDiffQuerySchema,
  erdOptionsQuerySchema,
  erdQuerySchema,
  MAX_QUERY_VALUE_LENGTH,
  parseErdQuery,
} from './erdQuery';
export type { ErdAlgorithmChoice } from './algorithmChoices';
export {
  ERD_ALGORITHM_CHOICES,
  ERD_RESOURCE_TYPE_CHOICES,
} from './algorithmChoices';
export type {
  TabEdge,
  TabEdgeHead,
  TabErdPayload,
  TabExposure,
  TabKey,
  TabTable,
} from './tabPayload';
export { decodeTabErd, encodeTabErd, TAB_ERD_FORMAT } from './tabPayload';
export { encodeTabView } from './encodeTabView';
