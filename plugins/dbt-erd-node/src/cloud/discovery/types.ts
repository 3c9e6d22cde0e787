/** Node shapes the applied-state query selects, as the Discovery API returns them. */
export interface DiscoveryColumn {
  name: string;
  description?: string | null;
  type?: string | null;
}

export interface DiscoveryParent {
  uniqueId: string;
  resourceType?: string | null;
}

export interface DiscoveryModel {
  uniqueId: string;
  name?: string | null;
  description?: string | null;
  database?: string | null;
  schema?: string | null;
  alias?: string | null;
  catalog?: { columns?: DiscoveryColumn[] | null } | null;
}

export type DiscoverySource = Omit<DiscoveryModel, 'alias'>;

export interface DiscoveryExposure {
  uniqueId: string;
  name?: string | null;
  description?: string | null;
  parents?: DiscoveryParent[] | null;
}

export interface DiscoveryTest {
  uniqueId: string;
  columnName?: string | null;
  meta?: Record<string, unknown> | null;
  testMetadata?: { name?: string | null; kwargs?: unknown } | null;
  parents?: DiscoveryParent[] | null;
}

export interface DiscoverySemanticModel {
  uniqueId: string;
  entities?: Array<{ name: string; type?: string | null }> | null;
  meta?: Record<string, unknown> | null;
  parents?: DiscoveryParent[] | null;
}

/**
 * An environment's applied state, every page of every resource type joined,
 * nodes as the API returned them. Converting it to a manifest-like shape is
 * a separate step.
 */
export interface DbtCloudAppliedState {
  environmentId: number;
  models: DiscoveryModel[];
  sources: DiscoverySource[];
  exposures: DiscoveryExposure[];
  tests: DiscoveryTest[];
  semanticModels: DiscoverySemanticModel[];
  /** How many GraphQL requests it took. */
  pages: number;
  /** GraphQL errors reported beside usable data (token redacted). */
  warnings: string[];
}
