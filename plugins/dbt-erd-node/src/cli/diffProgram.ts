import { Command } from 'commander';
import {
  DIFF_GATE_KINDS,
  ERD_DIFF_TARGETS,
} from 'backstage-plugin-dbt-erd-common';
import { addErdSelectionOptions } from './erdSelectionOptions';
import { ErdSelectionFlags } from './erdSettingsFromFlags';

/** The `diff` flags as commander parses them. */
export interface DiffFlags extends ErdSelectionFlags {
  baseArtifactsDir?: string;
  artifactsDir?: string;
  target: string;
  output: string;
  /** Comma-separated change kinds that make the command exit 1. */
  failOn?: string;
}

/** `dbt-erd diff`: the ERD of two runs compared, for pull-request review and CI gates. */
export function addDiffCommand(
  program: Command,
  onDiff: (flags: DiffFlags) => Promise<void>,
): void {
  const command = program
    .command('diff')
    .description(
      'Compare the ERDs of two sets of dbt artifacts (base and head) and write ' +
        'what changed in tables, columns and relationships',
    )
    .option(
      '--base-artifacts-dir <dir>',
      'folder holding the base side (e.g. production) manifest.json and catalog.json',
    )
    .option(
      '--artifacts-dir <dir>',
      'folder holding the head side (e.g. this pull request) artifacts (default: the current folder, else its target/)',
    )
    .option(
      '-t, --target <target>',
      `one of ${ERD_DIFF_TARGETS.join(', ')}`,
      'json',
    );
  addErdSelectionOptions(command)
    .option(
      '-o, --output <dir>',
      'folder erd-diff.json or erd-diff.md is written to',
      'target',
    )
    .option(
      '--fail-on <kinds>',
      `exit 1 when the diff has any of these comma-separated kinds of change: ${DIFF_GATE_KINDS.join(
        ', ',
      )}`,
    )
    .action(async (_options, action: Command) => {
      await onDiff(action.opts<DiffFlags>());
    });
}
