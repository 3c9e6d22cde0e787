import { CacheService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DBT_CLOUD_ACCOUNT_ANNOTATION,
  DBT_CLOUD_JOB_ID_ANNOTATION,
} from 'backstage-plugin-dbt-erd-common';
import { DbtCloudClient } from 'backstage-plugin-dbt-erd-node';
import { ArtifactSource, ErdSourceInfo } from './ArtifactSource';
import { DbtCloudJobSource } from './DbtCloudJobSource';
import { DbtCloudRunSource } from './DbtCloudRunSource';
import { ArtifactSourceContext } from './resolveArtifactSource';

/** How many recent runs are searched for the one before head. */
const PREVIOUS_RUN_SEARCH = 10;

/** The `base` query parameter of the diff route, read. */
export type BaseRef =
  | { kind: 'previous' }
  | { kind: 'run'; id: number }
  | { kind: 'job'; id: number };

const BASE_HINT =
  'use base=previous (the run before, for job-annotated entities), base=run:<id> or base=job:<id>';

export function parseBaseRef(value: unknown): BaseRef {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`base is missing; ${BASE_HINT}`);
  }
  const ref = value.trim();
  if (ref === 'previous') return { kind: 'previous' };
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
  if (ref.kind === 'run')
    return new DbtCloudRunSource(client, ref.id, context.cache);
  if (ref.kind === 'job') {
    return new DbtCloudJobSource(client, ref.id, context.cache);
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
  return new DbtCloudRunSource(client, runId, context.cache);
}
