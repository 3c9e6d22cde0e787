import { CacheService } from '@backstage/backend-plugin-api';
import { DbtCloudClient, DbtCloudRun } from 'backstage-plugin-dbt-erd-node';
import {
  ArtifactSource,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';
import { joinChunks } from './joinChunks';

/** How long a finished run's details are kept: they never change. */
const RUN_LOOKUP_TTL_MS = 24 * 60 * 60_000;

/** One pinned dbt Cloud run: its artifacts never change, so neither does its ERD. */
export class DbtCloudRunSource implements ArtifactSource {
  private run?: DbtCloudRun;

  constructor(
    private readonly client: DbtCloudClient,
    private readonly runId: number,
    private readonly cache: CacheService,
  ) {}

  get upstreamKey() {
    return this.client.accountKey;
  }

  lookupKey() {
    return `lookup:v3:cloud:${this.client.accountKey}:run:${this.runId}`;
  }

  /**
   * The run's details (job, project, when it finished), from the shared
   * cache once looked up: a finished run never changes. The download then
   * reuses them, so a build asks for the run once.
   */
  async locate(): Promise<LocatedArtifacts> {
    const cached = (await this.cache.get(this.lookupKey())) as
      | DbtCloudRun
      | undefined;
    const run = cached ?? (await this.client.getRun(this.runId));
    if (!cached && run.isComplete) {
      await this.cache.set(this.lookupKey(), run as any, {
        ttl: RUN_LOOKUP_TTL_MS,
      });
    }
    this.run = run;
    return {
      key: `cloud:${this.client.accountKey}:run:${this.runId}`,
      info: {
        kind: 'dbt-cloud-run',
        name: this.client.accountName,
        runId: this.runId,
        jobId: run.jobId,
        projectId: run.projectId,
        finishedAt: run.finishedAt,
        url: run.url,
      },
    };
  }

  /** The manifest streams into `read` as it downloads (see `readRunArtifacts`). */
  fetch<T>(
    _located: LocatedArtifacts,
    read: (artifacts: FetchedArtifacts) => Promise<T>,
  ): Promise<T> {
    return this.client.readRunArtifacts(
      this.runId,
      ({ manifest, catalog, warnings }) =>
        read({ manifest: joinChunks(manifest), catalog, warnings }),
      { run: this.run },
    );
  }
}
