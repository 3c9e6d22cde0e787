import { DbtCloudRun } from './types';

const STATUS_NAMES: Record<number, string> = {
  1: 'queued',
  2: 'starting',
  3: 'running',
  10: 'success',
  20: 'error',
  30: 'cancelled',
};
const UNFINISHED_STATUSES = new Set([1, 2, 3]);

/** "queued", "running"... for messages; the number when dbt Cloud adds a status. */
export function runStatusName(run: DbtCloudRun): string {
  return run.status === undefined
    ? 'unknown'
    : STATUS_NAMES[run.status] ?? `status ${run.status}`;
}

/** Queued, starting or running: dbt Cloud has not written its artifacts yet. */
export function isRunUnfinished(run: DbtCloudRun): boolean {
  if (run.inProgress === true || run.isComplete === false) return true;
  return run.status !== undefined && UNFINISHED_STATUSES.has(run.status);
}

/** A finished run that saved artifacts: the only kind worth downloading from. */
export function isRunReadable(run: DbtCloudRun): boolean {
  return !isRunUnfinished(run) && run.artifactsSaved !== false;
}
