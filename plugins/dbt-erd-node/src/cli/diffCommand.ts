import { resolve } from 'node:path';
import {
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
import { buildLoadedErd } from './buildLoadedErd';
import { CliInputError, CliUsageError } from './cliErrors';
import { DiffFlags } from './diffProgram';
import { erdBuildOptionsFromFlags } from './erdSettingsFromFlags';
import { LoadedDiffSide, loadDiffSide, planDiffSides } from './loadDiffSides';
import { RunContext } from './runCommand';
import { writeErdFile } from './writeErdFile';

interface DiffSettings {
  buildOptions: ErdOptions;
  target: ErdDiffTarget;
  failOn: DiffGateKind[];
}

/** Every flag checked before any artifact is read: a typo is a usage error (exit 2). */
function diffSettingsFromFlags(flags: DiffFlags): DiffSettings {
  try {
    return {
      buildOptions: erdBuildOptionsFromFlags(flags),
      target: getErdDiffTarget(flags.target.trim()),
      failOn: flags.failOn ? parseDiffGateKinds(flags.failOn) : [],
    };
  } catch (error) {
    if (error instanceof ErdInputError) throw new CliUsageError(error.message);
    throw error;
  }
}

/** The side's ERD, its warnings named with the side. */
async function buildSideErd(
  side: LoadedDiffSide,
  options: ErdOptions,
  log: RunContext['log'],
): Promise<Erd> {
  const { erd, warnings } = await buildLoadedErd(side.artifacts, options);
  warnings.forEach(w => log.warn(`${side.name}: ${w}`));
  return erd;
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
  const plans = planDiffSides(flags, context.env);
  const baseSide = await loadDiffSide('base', plans.base, context);
  const base = await buildSideErd(baseSide, settings.buildOptions, log);
  const headSide = await loadDiffSide('head', plans.head, context);
  const head = await buildSideErd(headSide, settings.buildOptions, log);
  const diff = diffErds(base, head, {
    base: baseSide.source,
    head: headSide.source,
  });
  const { tables, relationships } = diff.summary;
  log.info(
    `Tables: ${tables.added} added, ${tables.removed} removed, ${tables.changed} changed; ` +
      `relationships: ${relationships.added} added, ${relationships.removed} removed, ${relationships.changed} changed`,
  );
  const file = await writeErdFile(
    resolve(context.cwd, flags.output),
    settings.target.fileName,
    settings.target.render(diff, { base, head }),
  );
  log.info(`Diff saved to ${file}`);

  const refused = findGatedChanges(diff, settings.failOn, { base, head });
  if (refused.length > 0) {
    refused.forEach(change => log.info(`refused change: ${change}`));
    throw new CliInputError(
      `--fail-on ${settings.failOn.join(',')}: ${
        refused.length
      } refused change(s) found (listed above)`,
    );
  }
}
