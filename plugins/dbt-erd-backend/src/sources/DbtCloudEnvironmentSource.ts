import { CacheService } from '@backstage/backend-plugin-api';
import { indexArtifacts } from 'backstage-plugin-dbt-erd-common';
import {
  appliedStateToArtifacts,
  DbtCloudClient,
} from 'backstage-plugin-dbt-erd-node';
import {
  ArtifactSource,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';
import { JOB_LOOKUP_TTL_MS } from './DbtCloudJobSource';

/** How long the key of the last build is kept, to fall back on during a rate-limit cool-down. */
const LAST_BUILD_TTL_MS = 24 * 60 * 60_000;

/**
 * An environment's applied state, read from the Discovery API as dbterd's
 * `run-metadata` does: no artifact download, always the latest state.
 */
export class DbtCloudEnvironmentSource implements ArtifactSource {
  constructor(
    private readonly client: DbtCloudClient,
    private readonly environmentId: number,
    private readonly cache: CacheService,
  ) {}

  get upstreamKey() {
    return this.client.accountKey;
  }

  /**
   * The applied state has no version id: it is trusted for one lookup
   * period. While dbt Cloud rate-limits the account, the last build's key
   * stands in, so its cached ERD is still served instead of a 503.
   */
  async locate(): Promise<LocatedArtifacts> {
    const period = Math.floor(Date.now() / JOB_LOOKUP_TTL_MS);
    let key = `cloud:${this.client.accountKey}:env:${this.environmentId}:${period}`;
    if (await this.client.isCoolingDown()) {
      const last = await this.cache.get(this.lastBuildKey());
      if (typeof last === 'string') key = last;
    }
    return {
      key,
      info: {
        kind: 'dbt-cloud-environment',
        name: this.client.accountName,
        environmentId: this.environmentId,
      },
    };
  }

  /**
   * Reads all of the applied state (tests and semantic models too): every
   * view of this version is derived from one read. The state arrives as
   * GraphQL pages, not a manifest; it is shaped into the parsed artifacts
   * the engine indexes (the index is the seam; a direct applied-state →
   * index reader would skip that step).
   */
  async fetch<T>(
    located: LocatedArtifacts,
    read: (artifacts: FetchedArtifacts) => Promise<T>,
  ): Promise<T> {
    const state = await this.client.getEnvironmentAppliedState(
      this.environmentId,
      { needs: { tests: true, semanticModels: true } },
    );
    await this.cache.set(this.lastBuildKey(), located.key, {
      ttl: LAST_BUILD_TTL_MS,
    });
    return read({
      index: indexArtifacts(appliedStateToArtifacts(state)),
      warnings: state.warnings,
    });
  }

  private lastBuildKey(): string {
    return `lookup:v2:cloud:${this.client.accountKey}:env:${this.environmentId}:last`;
  }
}
