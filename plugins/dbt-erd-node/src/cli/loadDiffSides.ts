import { relative } from 'node:path';
import { readArtifactsDirectory } from '../readArtifactsDirectory';
import { CliUsageError } from './cliErrors';
import { DbtCloudSettings, resolveDbtCloudSettings } from './dbtCloudSettings';
import { DiffFlags } from './diffProgram';
import { downloadCloudArtifacts } from './downloadCloudArtifacts';
import { LoadedArtifacts } from './LoadedArtifacts';
import { resolveArtifactsDir } from './resolveArtifactsDir';
import { RunContext } from './runCommand';

export type DiffSideName = 'base' | 'head';

/** One side's artifacts and how the diff document names where they came from. */
export interface LoadedDiffSide {
  name: DiffSideName;
  artifacts: LoadedArtifacts;
  source: string;
}

/** Where one side comes from, checked before anything is read or downloaded. */
export type DiffSidePlan =
  | { from: 'folder'; dir: string | undefined; flag: string }
  | { from: 'dbt-cloud'; settings: DbtCloudSettings };

/** The run and job variables name head's run; the base side has flags of its own. */
function withoutRunAndJob(env: RunContext['env']): RunContext['env'] {
  const {
    DBTERD_DBT_CLOUD_RUN_ID: _run,
    DBTERD_DBT_CLOUD_JOB_ID: _job,
    ...rest
  } = env;
  return rest;
}

/**
 * Base: a folder (-bad) or a dbt Cloud run or job (--base-dbt-cloud-run-id /
 * --base-dbt-cloud-job-id, with the account, host and token of the
 * --dbt-cloud-* flags). Head: like `run`, a folder (-ad) or --dbt-cloud.
 */
export function planDiffSides(
  flags: DiffFlags,
  env: RunContext['env'],
): Record<DiffSideName, DiffSidePlan> {
  const baseDir = flags.baseArtifactsDir?.trim();
  const baseCloud =
    flags.baseDbtCloudRunId !== undefined ||
    flags.baseDbtCloudJobId !== undefined;
  if (baseDir && baseCloud) {
    throw new CliUsageError(
      'the base side is given twice; pass either -bad/--base-artifacts-dir or --base-dbt-cloud-run-id/--base-dbt-cloud-job-id',
    );
  }
  if (!baseDir && !baseCloud) {
    throw new CliUsageError(
      'the base side is missing; pass -bad/--base-artifacts-dir with the folder holding the base manifest.json (e.g. production artifacts), or --base-dbt-cloud-run-id / --base-dbt-cloud-job-id',
    );
  }
  const base: DiffSidePlan = baseCloud
    ? {
        from: 'dbt-cloud',
        settings: resolveDbtCloudSettings(
          {
            ...flags,
            dbtCloudRunId: flags.baseDbtCloudRunId,
            dbtCloudJobId: flags.baseDbtCloudJobId,
          },
          withoutRunAndJob(env),
        ),
      }
    : { from: 'folder', dir: baseDir, flag: '-bad/--base-artifacts-dir' };
  const head: DiffSidePlan = flags.dbtCloud
    ? { from: 'dbt-cloud', settings: resolveDbtCloudSettings(flags, env) }
    : { from: 'folder', dir: flags.artifactsDir, flag: '-ad/--artifacts-dir' };
  return { base, head };
}

export async function loadDiffSide(
  name: DiffSideName,
  plan: DiffSidePlan,
  context: RunContext,
): Promise<LoadedDiffSide> {
  if (plan.from === 'dbt-cloud') {
    const { settings } = plan;
    context.log.info(`Reading the ${name} side from dbt Cloud`);
    const artifacts = await downloadCloudArtifacts(settings, context.log);
    const source =
      settings.runId !== undefined
        ? `dbt Cloud run ${settings.runId}`
        : `dbt Cloud job ${settings.jobId}`;
    return { name, artifacts, source };
  }
  const dir = resolveArtifactsDir(plan.dir, context.cwd, plan.flag);
  context.log.info(`Using ${name} dbt artifact dir at: ${dir}`);
  return {
    name,
    artifacts: { ...(await readArtifactsDirectory(dir)), origin: dir },
    // Relative to cwd, so that CI runs on different machines write the same document.
    source: relative(context.cwd, dir) || '.',
  };
}
