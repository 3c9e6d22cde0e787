import {
  appliedStateNeedsFor,
  appliedStateToArtifacts,
  DbtCloudClient,
} from 'backstage-plugin-dbt-erd-node';
import {
  ArtifactSource,
  FetchContext,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';
import { JOB_LOOKUP_TTL_MS } from './DbtCloudJobSource';

/**
 * An environment's applied state, read from the Discovery API as dbterd's
 * `run-metadata` does: no artifact download, always the latest state.
 */
export class DbtCloudEnvironmentSource implements ArtifactSource {
  constructor(
    private readonly client: DbtCloudClient,
    private readonly environmentId: number,
  ) {}

  async locate(): Promise<LocatedArtifacts> {
    // The applied state has no version id; trust it for one lookup period.
    const period = Math.floor(Date.now() / JOB_LOOKUP_TTL_MS);
    return {
      key: `cloud:${this.client.accountKey}:env:${this.environmentId}:${period}`,
      info: {
        kind: 'dbt-cloud-environment',
        name: this.client.accountName,
        environmentId: this.environmentId,
      },
    };
  }

  /** Reads only what the ERD's algorithm uses: tests and semantic models are most of a big project. */
  async fetch(
    _located: LocatedArtifacts,
    context: FetchContext = {},
  ): Promise<FetchedArtifacts> {
    const state = await this.client.getEnvironmentAppliedState(
      this.environmentId,
      { needs: appliedStateNeedsFor(context.algo) },
    );
    return { ...appliedStateToArtifacts(state), warnings: state.warnings };
  }
}
