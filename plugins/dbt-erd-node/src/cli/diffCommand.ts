import { relative, resolve } from 'node:path';
import {
  buildErd,
  diffErds,
  DiffGateKind,
  Erd,
  ErdDiffTarget,
  ErdInputError,
  ErdOptions,
  findGatedChanges,
  getErdDiffTarget,
  parseDiffGateKinds,
} from 'backstage-plugin-dbt-erd-common';
import { readArtifactsDirectory } from '../readArtifactsDirectory';
import { CliInputError, CliUsageError } from './cliErrors';
import { DiffFlags } from './diffProgram';
import { erdBuildOptionsFromFlags } from './erdSettingsFromFlags';
import { resolveArtifactsDir } from './resolveArtifactsDir';
import { RunContext } from './runCommand';
import { writeErdFile } from './writeErdFile';

interface DiffSettings {
  buildOptions: ErdOptions;
  target: ErdDiffTarget;
  failOn: DiffGateKind[];
  baseDir: string;
}

/** Every flag checked before any artifact is read: a typo is a usage error (exit 2). */
function diffSettingsFromFlags(flags: DiffFlags): DiffSettings {
  if (!flags.baseArtifactsDir?.trim()) {
    throw new CliUsageError(
      'the base side is missing; pass -bad/--base-artifacts-dir with the folder holding the base manifest.json (e.g. production artifacts)',
    );
  }
  try {
    return {
      buildOptions: erdBuildOptionsFromFlags(flags),
      target: getErdDiffTarget(flags.target.trim()),
      failOn: flags.failOn ? parseDiffGateKinds(flags.failOn) : [],
      baseDir: flags.baseArtifactsDir,
    };
  } catch (error) {
    if (error instanceof ErdInputError) throw new CliUsageError(error.message);
    throw error;
  }
}

interface DiffSide {
  erd: Erd;
  /** The folder as the diff document names it: relative to cwd, so CI runs agree. */
  source: string;
}

async function buildSide(
  side: 'base' | 'head',
  artifactsDir: string | undefined,
  options: ErdOptions,
  context: RunContext,
): Promise<DiffSide> {
  const dir = resolveArtifactsDir(
    artifactsDir,
    context.cwd,
    side === 'base' ? '-bad/--base-artifacts-dir' : '-ad/--artifacts-dir',
  );
  context.log.info(`Using ${side} dbt artifact dir at: ${dir}`);
  const { manifest, catalog } = await readArtifactsDirectory(dir);
  const { erd, warnings } = buildErd({ manifest, catalog }, options);
  warnings.forEach(w => context.log.warn(`${side}: ${w}`));
  return { erd, source: relative(context.cwd, dir) || '.' };
}

/**
 * `dbt-erd diff`: both sides built with the same options, compared, written
 * as erd-diff.json or erd-diff.md; with --fail-on, exit 1 naming each change
 * of the refused kinds, after the file is written (CI posts it either way).
 */
export async function diffCommand(
  flags: DiffFlags,
  context: RunContext,
): Promise<void> {
  const { log } = context;
  const settings = diffSettingsFromFlags(flags);
  const base = await buildSide(
    'base',
    settings.baseDir,
    settings.buildOptions,
    context,
  );
  const head = await buildSide(
    'head',
    flags.artifactsDir,
    settings.buildOptions,
    context,
  );
  const diff = diffErds(base.erd, head.erd, {
    base: base.source,
    head: head.source,
  });
  const { tables, relationships } = diff.summary;
  log.info(
    `Tables: ${tables.added} added, ${tables.removed} removed, ${tables.changed} changed; ` +
      `relationships: ${relationships.added} added, ${relationships.removed} removed, ${relationships.changed} changed`,
  );
  const file = await writeErdFile(
    resolve(context.cwd, flags.output),
    settings.target.fileName,
    settings.target.render(diff, { base: base.erd, head: head.erd }),
  );
  log.info(`Diff saved to ${file}`);

  const refused = findGatedChanges(diff, settings.failOn, {
    base: base.erd,
    head: head.erd,
  });
  if (refused.length > 0) {
    refused.forEach(change => log.info(`refused change: ${change}`));
    throw new CliInputError(
      `--fail-on ${settings.failOn.join(',')}: ${
        refused.length
      } refused change(s) found (listed above)`,
    );
  }
}
