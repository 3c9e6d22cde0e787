import { resolve } from 'node:path';
import { renderErd } from 'backstage-plugin-dbt-erd-common';
import { buildLoadedErd } from './buildLoadedErd';
import { CliLog } from './cliLog';
import { erdSettingsFromFlags } from './erdSettingsFromFlags';
import { loadArtifacts } from './loadArtifacts';
import { RunFlags } from './RunFlags';
import { writeErdFile } from './writeErdFile';

export interface RunContext {
  cwd: string;
  env: Record<string, string | undefined>;
  log: CliLog;
}

/** `dbt-erd run`: artifacts in, one ERD file out, as dbterd's `run` does. */
export async function runCommand(
  flags: RunFlags,
  context: RunContext,
): Promise<void> {
  const { log } = context;
  const settings = erdSettingsFromFlags(flags);
  const artifacts = await loadArtifacts(flags, context);
  const { erd, warnings } = await buildLoadedErd(
    artifacts,
    settings.buildOptions,
  );
  warnings.forEach(w => log.warn(w));
  log.info(
    `Collected ${erd.nodes.length} table(s) and ${erd.edges.length} relationship(s)`,
  );
  const content = renderErd(erd, settings.target.name, settings.renderOptions);
  const file = await writeErdFile(
    resolve(context.cwd, flags.output),
    settings.fileName,
    content,
  );
  log.info(`Output saved to ${file}`);
}
