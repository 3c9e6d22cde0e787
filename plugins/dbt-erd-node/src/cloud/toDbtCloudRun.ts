import { DbtCloudRun } from './types';

/** A run object as the Administrative API v2 returns it (the fields we read). */
export interface DbtCloudApiRun {
  id: number;
  job_definition_id?: number | null;
  project_id?: number | null;
  environment_id?: number | null;
  status?: number | null;
  finished_at?: string | null;
  has_docs_generated?: boolean | null;
  in_progress?: boolean | null;
  is_complete?: boolean | null;
  artifacts_saved?: boolean | null;
  href?: string | null;
}

/**
 * Normalises an API run. The page link is the run's own `href` when it is an
 * http(s) URL; otherwise it is built from the access URL, so a link shown in
 * the UI can never be a `javascript:` URL from an unexpected answer.
 */
export function toDbtCloudRun(
  run: DbtCloudApiRun,
  accessUrl: string,
  accountId: string,
): DbtCloudRun {
  return {
    id: run.id,
    jobId: run.job_definition_id ?? undefined,
    projectId: run.project_id ?? undefined,
    environmentId: run.environment_id ?? undefined,
    status: run.status ?? undefined,
    finishedAt: run.finished_at ?? undefined,
    hasDocsGenerated: run.has_docs_generated ?? undefined,
    inProgress: run.in_progress ?? undefined,
    isComplete: run.is_complete ?? undefined,
    artifactsSaved: run.artifacts_saved ?? undefined,
    url: httpUrl(run.href) ?? runPageUrl(accessUrl, accountId, run),
  };
}

function runPageUrl(
  accessUrl: string,
  accountId: string,
  run: DbtCloudApiRun,
): string {
  const origin = new URL(accessUrl).origin;
  return run.project_id
    ? `${origin}/deploy/${accountId}/projects/${run.project_id}/runs/${run.id}`
    : `${origin}/deploy/${accountId}/runs/${run.id}`;
}

function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a value looks enough like an API run to read. */
export function isApiRun(value: unknown): value is DbtCloudApiRun {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'number'
  );
}
