import { Command } from 'commander';
import {
  DIFF_GATE_KINDS,
  ERD_DIFF_TARGETS,
} from 'backstage-plugin-dbt-erd-common';
import { addErdSelectionOptions } from './erdSelectionOptions';
import { ErdSelectionFlags } from './erdSettingsFromFlags';
import { DbtCloudFlags } from './RunFlags';

/** The `diff` flags as commander parses them. */
export interface DiffFlags extends ErdSelectionFlags, DbtCloudFlags {
  baseArtifactsDir?: string;
  baseDbtCloudRunId?: string;
  baseDbtCloudJobId?: string;
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
    .option(
      '--base-dbt-cloud-run-id <id>',
      'read the base side from this dbt Cloud run (account, host and token: the --dbt-cloud-* options)',
    )
    .option(
      '--base-dbt-cloud-job-id <id>',
      "read the base side from this dbt Cloud job's latest successful run with docs",
    );
  // run's dbt Cloud options, as run defines them: --dbt-cloud reads head from dbt Cloud.
  const run = program.commands.find(c => c.name() === 'run');
  run?.options
    .filter(option => option.long?.startsWith('--dbt-cloud'))
    .forEach(option => command.addOption(option));
  command.action(async (_options, action: Command) => {
    await onDiff(action.opts<DiffFlags>());
  });
}
