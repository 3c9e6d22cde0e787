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

  async fetch(): Promise<FetchedArtifacts> {
    const state = await this.client.getEnvironmentAppliedState(
      this.environmentId,
    );
    return appliedStateToArtifacts(state);
  }
}
