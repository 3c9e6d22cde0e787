import { ErdSourceInfo } from '../../api';

/** "dbt Cloud job 42, run 1001" / "local demo": where the artifacts came from. */
export function describeSource(source: ErdSourceInfo): string {
  if (source.kind === 'local' || source.kind === 'url') return `${source.kind} ${source.name}`;
  const parts = [`dbt Cloud ${source.name}`];
  if (source.jobId !== undefined) parts.push(`job ${source.jobId}`);
  if (source.environmentId !== undefined) parts.push(`environment ${source.environmentId}`);
  if (source.runId !== undefined) parts.push(`run ${source.runId}`);
  return parts.join(', ');
}
