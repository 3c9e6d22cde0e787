export { DbtCloudClient } from './DbtCloudClient';
export type {
  DbtCloudAppliedStateOptions,
  DbtCloudFetchArtifactsOptions,
  DbtCloudJobRun,
  DbtCloudRequestOptions,
} from './DbtCloudClient';
export { appliedStateNeedsFor } from './discovery/appliedStateQuery';
export type { AppliedStateNeeds } from './discovery/appliedStateQuery';
export { DEFAULT_MAX_ARTIFACT_BYTES } from './DbtCloudClientOptions';
export type { DbtCloudClientOptions } from './DbtCloudClientOptions';
export type { DbtCloudLogger } from './DbtCloudLogger';
export * from './errors';
export * from './types';
export { discoveryUrlFor } from './discovery/discoveryUrlFor';
export type {
  DbtCloudAppliedState,
  DiscoveryColumn,
  DiscoveryExposure,
  DiscoveryModel,
  DiscoveryParent,
  DiscoverySemanticModel,
  DiscoverySource,
  DiscoveryTest,
} from './discovery/types';
export * from './discovery/appliedStateToArtifacts';
export {
  ACCESS_URL_HINT,
  checkDbtCloudUrl,
  isLegacyRegionHost,
  isLoopbackHost,
} from './dbtCloudUrl';
export type { CheckedDbtCloudUrl } from './dbtCloudUrl';
export { memoryCoolDownStore } from './http/RateLimitCoolDown';
export type { DbtCloudCoolDownStore } from './http/RateLimitCoolDown';
