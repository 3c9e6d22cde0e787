import { CacheService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { DbtCloudClient, DbtCloudJobRun } from 'backstage-plugin-dbt-erd-node';
import {
  ArtifactSource,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';
import { joinChunks } from './joinChunks';

/** How long "the latest good run of job X" is trusted before asking dbt Cloud again. */
export const JOB_LOOKUP_TTL_MS = 60_000;
/** How long the last lookup is kept to fall back on while dbt Cloud cannot answer. */
const LAST_LOOKUP_TTL_MS = 24 * 60 * 60_000;

/**
 * Failures that say nothing about the job (dbt Cloud rate-limiting the
 * account, down, or slow), during which the last lookup stands in. A
 * refused token or a deleted job is not among them: those must be seen.
 */
const OUTAGE_FAILURES = new Set([
  'DbtCloudRateLimitedError',
  'DbtCloudUnavailableError',
  'DbtCloudTimeoutError',
]);

/**
 * The run a job's ERD is read from (the client's `findJobRun`: the latest
 * successful run with docs, else the Fusion and no-docs fallbacks). The run lookup is
 * cached briefly in the shared cache; the ERD itself is keyed by the run id,
 * so a new run means a new ERD and an unchanged one costs one small call.
 */
export class DbtCloudJobSource implements ArtifactSource {
  constructor(
    private readonly client: DbtCloudClient,
    private readonly jobId: number,
    private readonly cache: CacheService,
  ) {}

  get upstreamKey() {
    return this.client.accountKey;
  }

  private found?: DbtCloudJobRun;

  lookupKey() {
    return `lookup:v2:cloud:${this.client.accountKey}:job:${this.jobId}`;
  }

  async locate(): Promise<LocatedArtifacts> {
    const found = await this.jobRun();
    this.found = found;
    const run = found?.run;
    const info = {
      kind: 'dbt-cloud-job' as const,
      name: this.client.accountName,
      jobId: this.jobId,
    };
    if (!run) {
      // No listed run: the job artifacts endpoint is all there is, and it
      // names no immutable version, so the key changes with each lookup period.
      const period = Math.floor(Date.now() / JOB_LOOKUP_TTL_MS);
      return {
        key: `cloud:${this.client.accountKey}:job:${this.jobId}:latest:${period}`,
        info,
      };
    }
    return {
      key: `cloud:${this.client.accountKey}:run:${run.id}`,
      info: {
        ...info,
        runId: run.id,
        projectId: run.projectId,
        finishedAt: run.finishedAt,
        url: run.url,
      },
      warnings: found.warnings,
    };
  }

  async fetch<T>(
    located: LocatedArtifacts,
    read: (artifacts: FetchedArtifacts) => Promise<T>,
  ): Promise<T> {
    if (located.info.runId !== undefined) {
      // The manifest streams into `read` as it downloads (see `readRunArtifacts`).
      return this.client.readRunArtifacts(
        located.info.runId,
        ({ manifest, catalog, warnings }) =>
          read({
            manifest: joinChunks(manifest),
            catalog,
            warnings: [...(located.warnings ?? []), ...warnings],
          }),
        // The lookup's run: a build asks dbt Cloud for it once.
        { run: this.found?.run },
      );
    }
    // The job's latest artifacts, in memory: their manifest and catalog are compared first.
    const { manifest, catalog, warnings } = await this.client.fetchJobArtifacts(
      this.jobId,
      { as: 'bytes' },
    );
    return read({
      manifest: manifest as Uint8Array,
      catalog: catalog as Uint8Array | undefined,
      warnings,
    });
  }

  /**
   * The lookup, from the cache when fresh. While dbt Cloud rate-limits the
   * account, is down or does not answer in time, the last lookup stands in,
   * so the ERD already cached for that run is still served instead of a 503
   * or a 504.
   */
  private async jobRun(): Promise<DbtCloudJobRun | undefined> {
    const cached = (await this.cache.get(this.lookupKey())) as
      | { found: DbtCloudJobRun | null }
      | undefined;
    if (cached) return cached.found ?? undefined;
    const lastKey = `${this.lookupKey()}:last`;
    let found: DbtCloudJobRun | undefined;
    try {
      found = await this.client.findJobRun(this.jobId);
    } catch (error) {
      if (!isError(error) || !OUTAGE_FAILURES.has(error.name)) throw error;
      // No warning is added: it would be stored with that run's index and
      // outlive the outage. The source info names the run and when it finished.
      const last = (await this.cache.get(lastKey)) as
        | { found: DbtCloudJobRun }
        | undefined;
      if (!last) throw error;
      return last.found;
    }
    const entry = { found: (found ?? null) as any };
    await this.cache.set(this.lookupKey(), entry, { ttl: JOB_LOOKUP_TTL_MS });
    if (found)
      await this.cache.set(lastKey, entry, { ttl: LAST_LOOKUP_TTL_MS });
    return found;
  }
}
