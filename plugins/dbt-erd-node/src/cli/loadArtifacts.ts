import { readArtifactsDirectory } from '../readArtifactsDirectory';
import { CliLog } from './cliLog';
import { resolveDbtCloudSettings } from './dbtCloudSettings';
import { downloadCloudArtifacts } from './downloadCloudArtifacts';
import { LoadedArtifacts } from './LoadedArtifacts';
import { resolveArtifactsDir } from './resolveArtifactsDir';
import { DbtCloudFlags, RunFlags } from './RunFlags';

/** From dbt Cloud with --dbt-cloud, else from the artifacts folder. */
export async function loadArtifacts(
  flags: Pick<RunFlags, 'artifactsDir'> & DbtCloudFlags,
  context: {
    cwd: string;
    env: Record<string, string | undefined>;
    log: CliLog;
  },
): Promise<LoadedArtifacts> {
  if (flags.dbtCloud) {
    const settings = resolveDbtCloudSettings(flags, context.env);
    settings.warnings.forEach(warning => context.log.warn(warning));
    return downloadCloudArtifacts(settings, context.log);
  }
  const dir = resolveArtifactsDir(flags.artifactsDir, context.cwd);
  context.log.info(`Using dbt artifact dir at: ${dir}`);
  return { ...(await readArtifactsDirectory(dir)), origin: dir };
}
