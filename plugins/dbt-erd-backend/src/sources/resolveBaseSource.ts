import { CacheService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DBT_CLOUD_ACCOUNT_ANNOTATION,
  DBT_CLOUD_CI_JOB_ID_ANNOTATION,
  DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION,
  DBT_CLOUD_JOB_ID_ANNOTATION,
  DBT_CLOUD_RUN_ID_ANNOTATION,
} from 'backstage-plugin-dbt-erd-common';
import { DbtCloudClient } from 'backstage-plugin-dbt-erd-node';
import { guardCloudSource } from '../services/access/guardArtifactSource';
import { ArtifactSource, ErdSourceInfo } from './ArtifactSource';
import { DbtCloudJobSource } from './DbtCloudJobSource';
import { DbtCloudRunSource } from './DbtCloudRunSource';
import { ArtifactSourceContext } from './resolveArtifactSource';

/** How many recent runs are searched for the one before head. */
const PREVIOUS_RUN_SEARCH = 10;

/** The `base` query parameter of the diff route, read. */
export type BaseRef =
  | { kind: 'previous' }
  /** The latest run of the entity's CI job (getdbt.com/cloud-ci-job-id). */
  | { kind: 'ci' }
  | { kind: 'run'; id: number }
  | { kind: 'job'; id: number };

const BASE_HINT =
  'use base=previous (the run before, for job-annotated entities), base=ci (the latest run of the CI job annotation), base=run:<id> or base=job:<id>';

export function parseBaseRef(value: unknown): BaseRef {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`base is missing; ${BASE_HINT}`);
  }
  const ref = value.trim();
  if (ref === 'previous') return { kind: 'previous' };
  if (ref === 'ci') return { kind: 'ci' };
  const match = /^(run|job):(\d{1,15})$/.exec(ref);
  const id = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(id) || id <= 0) {
    throw new InputError(
      `base "${ref.slice(0, 80)}" is not understood; ${BASE_HINT}`,
    );
  }
  return { kind: match[1] as 'run' | 'job', id };
}

/**
 * The job's newest successful run with docs that finished before head's run.
 * Cached as long as ERDs are: which run came before a given run never changes.
 */
async function previousRunId(
  client: DbtCloudClient,
  jobId: number,
  headRunId: number,
  cache: CacheService,
  ttl: number,
): Promise<number | undefined> {
  const key = `lookup:v1:cloud:${client.accountKey}:job:${jobId}:before:${headRunId}`;
  const cached = (await cache.get(key)) as { runId: number | null } | undefined;
  if (cached) return cached.runId ?? undefined;
  const runs = await client.listSuccessfulRunsWithDocs(jobId, {
    limit: PREVIOUS_RUN_SEARCH,
  });
  const headIndex = runs.findIndex(run => run.id === headRunId);
  const previous =
    headIndex === -1
      ? runs.find(run => run.id < headRunId)
      : runs[headIndex + 1];
  await cache.set(key, { runId: previous?.id ?? null }, { ttl });
  return previous?.id;
}

const DBT_CLOUD_HEAD_ANNOTATIONS = [
  DBT_CLOUD_JOB_ID_ANNOTATION,
  DBT_CLOUD_RUN_ID_ANNOTATION,
  DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION,
];

/**
 * A diff compares dbt Cloud runs: an entity drawn from a local or URL
 * folder has no runs to pick from. Checked before head is located, so such
 * a request never reads the folder.
 */
export function assertDbtCloudEntity(entity: Entity): void {
  const annotations = entity.metadata.annotations ?? {};
  if (DBT_CLOUD_HEAD_ANNOTATIONS.some(name => annotations[name]?.trim())) {
    return;
  }
  throw new InputError(
    `Comparing runs needs an entity whose ERD comes from dbt Cloud (annotated with ${DBT_CLOUD_HEAD_ANNOTATIONS.join(
      ', ',
    )}); this one is drawn from an artifacts folder, which has no runs. Compare two artifact folders with the dbt-erd diff command instead`,
  );
}

/** The CI job annotation, read; a clear 400 when absent or not a number. */
function ciJobId(entity: Entity): number {
  const value =
    entity.metadata.annotations?.[DBT_CLOUD_CI_JOB_ID_ANNOTATION]?.trim();
  if (!value) {
    throw new InputError(
      `base=ci needs the ${DBT_CLOUD_CI_JOB_ID_ANNOTATION} annotation (the dbt Cloud CI job to compare with); add it, or use base=job:<id>`,
    );
  }
  const id = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new InputError(
      `${DBT_CLOUD_CI_JOB_ID_ANNOTATION} must be a dbt Cloud job id (a positive number), not "${value.slice(
        0,
        40,
      )}"`,
    );
  }
  return id;
}

/**
 * The artifact source of a diff's base side: a pinned run, the latest run of
 * another job of the same account (e.g. a CI job), or the run before head's.
 */
export async function resolveBaseSource(
  ref: BaseRef,
  entity: Entity,
  head: ErdSourceInfo,
  context: ArtifactSourceContext,
): Promise<ArtifactSource> {
  const client = context.accounts.clientFor(
    entity.metadata.annotations?.[DBT_CLOUD_ACCOUNT_ANNOTATION]?.trim() ||
      undefined,
  );
  // The base side is checked like the head: same owner, same projects.
  const guarded = (source: ArtifactSource) =>
    guardCloudSource(source, entity, client, context);
  if (ref.kind === 'run')
    return guarded(new DbtCloudRunSource(client, ref.id, context.cache));
  if (ref.kind === 'job' || ref.kind === 'ci') {
    const jobId = ref.kind === 'ci' ? ciJobId(entity) : ref.id;
    return guarded(new DbtCloudJobSource(client, jobId, context.cache));
  }
  if (
    head.kind !== 'dbt-cloud-job' ||
    head.jobId === undefined ||
    head.runId === undefined
  ) {
    throw new InputError(
      `base=previous needs an entity annotated with ${DBT_CLOUD_JOB_ID_ANNOTATION} (whose latest run is the head side); use base=run:<id> or base=job:<id>`,
    );
  }
  const runId = await previousRunId(
    client,
    head.jobId,
    head.runId,
    context.cache,
    context.config.cacheTtlMs,
  );
  if (runId === undefined) {
    throw new NotFoundError(
      `dbt Cloud job ${head.jobId} has no successful run with docs before run ${head.runId}; compare with base=run:<id> instead`,
    );
  }
  return guarded(new DbtCloudRunSource(client, runId, context.cache));
}
