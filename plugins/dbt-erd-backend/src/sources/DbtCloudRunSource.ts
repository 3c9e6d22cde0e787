import { DbtCloudClient } from 'backstage-plugin-dbt-erd-node';
import {
  ArtifactSource,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';

/** One pinned dbt Cloud run: its artifacts never change, so neither does its ERD. */
export class DbtCloudRunSource implements ArtifactSource {
  constructor(
    private readonly client: DbtCloudClient,
    private readonly runId: number,
  ) {}

  async locate(): Promise<LocatedArtifacts> {
    return {
      key: `cloud:${this.client.accountKey}:run:${this.runId}`,
      info: {
        kind: 'dbt-cloud-run',
        name: this.client.accountName,
        runId: this.runId,
      },
    };
  }

  async fetch(located: LocatedArtifacts): Promise<FetchedArtifacts> {
    const { manifest, catalog, run, warnings } =
      await this.client.fetchRunArtifacts(this.runId, { as: 'bytes' });
    if (run) {
      located.info.jobId = run.jobId;
      located.info.finishedAt = run.finishedAt;
      located.info.url = run.url;
    }
    return { manifest, catalog, warnings };
  }
}
