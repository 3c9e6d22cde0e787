import { CacheService } from '@backstage/backend-plugin-api';
import { DbtCloudClient } from 'backstage-plugin-dbt-erd-node';
import { ErdSourceInfo } from '../../sources/ArtifactSource';

/**
 * Which project a run or environment belongs to never changes, so the
 * answer is kept a day: a pinned run costs one small call a day, and a
 * rate-limit cool-down does not turn its cached ERD into a 503.
 */
const PROJECT_LOOKUP_TTL_MS = 24 * 60 * 60_000;

/**
 * The dbt Cloud project of what `info` names: from the lookup itself when
 * it carries it (a job's run), else one cached call (the run, or the
 * environment). Undefined when nothing names a project: a job's latest
 * artifacts without a listed run.
 */
export async function lookupProjectId(
  info: ErdSourceInfo,
  client: DbtCloudClient,
  cache: CacheService,
): Promise<number | undefined> {
  if (info.projectId !== undefined) return info.projectId;
  let subject: string;
  let lookup: () => Promise<number | undefined>;
  if (info.runId !== undefined) {
    const runId = info.runId;
    subject = `run:${runId}`;
    lookup = async () => (await client.getRun(runId)).projectId;
  } else if (
    info.kind === 'dbt-cloud-environment' &&
    info.environmentId !== undefined
  ) {
    const environmentId = info.environmentId;
    subject = `env:${environmentId}`;
    lookup = async () => (await client.getEnvironment(environmentId)).projectId;
  } else {
    return undefined;
  }
  const key = `lookup:v1:cloud:${client.accountKey}:${subject}:project`;
  const cached = (await cache.get(key)) as { projectId: number } | undefined;
  if (cached) return cached.projectId;
  const projectId = await lookup();
  if (projectId !== undefined) {
    await cache.set(key, { projectId }, { ttl: PROJECT_LOOKUP_TTL_MS });
  }
  return projectId;
}
