import { Command, Option } from 'commander';
import { ERD_TARGETS } from 'backstage-plugin-dbt-erd-common';
import { CliIo } from './CliIo';
import { addDiffCommand, DiffFlags } from './diffProgram';
import { addErdSelectionOptions } from './erdSelectionOptions';
import { shortFlagOf } from './expandShortFlags';
import { RunFlags } from './RunFlags';

/** Shows dbterd's multi-letter short flags (`-ad, --artifacts-dir`) in help. */
function optionTerm(option: Option): string {
  const short = option.long ? shortFlagOf(option.long) : undefined;
  return short ? `${short}, ${option.flags}` : option.flags;
}

function addRunCommand(
  program: Command,
  onRun: (flags: RunFlags) => Promise<void>,
): void {
  const run = program
    .command('run')
    .description(
      'Generate an ERD file from dbt artifacts (manifest.json, catalog.json), ' +
        'read from a folder or downloaded from dbt Cloud',
    )
    .option(
      '--artifacts-dir <dir>',
      'folder holding manifest.json and catalog.json (default: the current folder, else its target/)',
    )
    .option(
      '-t, --target <target>',
      `one of ${ERD_TARGETS.join(', ')}`,
      'dbml',
    );
  addErdSelectionOptions(run)
    .option('--omit-columns', 'draw entities without columns (mermaid)', false)
    .option(
      '--omit-entity-name-quotes',
      'print entity names without double quotes (dbml)',
      false,
    )
    .option(
      '-o, --output <dir>',
      'folder the result file is written to',
      'target',
    )
    .option(
      '--output-file-name <name>',
      "result file name (default: the target's, e.g. output.dbml)",
    )
    .option(
      '--dbt-cloud',
      'download the artifacts from dbt Cloud instead of reading a folder',
      false,
    )
    .option(
      '--dbt-cloud-host-url <host>',
      "your account's access URL, e.g. ab123.us1.dbt.com, from dbt Cloud's Account settings → Access URLs; required, no default (env DBTERD_DBT_CLOUD_HOST_URL)",
    )
    .option(
      '--dbt-cloud-account-id <id>',
      'dbt Cloud account id (env DBTERD_DBT_CLOUD_ACCOUNT_ID)',
    )
    .option(
      '--dbt-cloud-run-id <id>',
      'dbt Cloud run to read; wins over the job id (env DBTERD_DBT_CLOUD_RUN_ID)',
    )
    .option(
      '--dbt-cloud-job-id <id>',
      'dbt Cloud job whose latest successful run with docs is read (env DBTERD_DBT_CLOUD_JOB_ID)',
    )
    .option(
      '--dbt-cloud-service-token <token>',
      'dbt Cloud service token; prefer the env DBTERD_DBT_CLOUD_SERVICE_TOKEN (a flag shows in ps and shell history)',
    )
    .option(
      '--dbt-cloud-api-version <version>',
      'dbt Cloud Administrative API version, only v2 (env DBTERD_DBT_CLOUD_API_VERSION)',
    )
    .action(async (_options, command: Command) => {
      await onRun(command.opts<RunFlags>());
    });
}

/**
 * The `dbt-erd` program: dbterd's `run` command. Output goes to the given
 * streams and errors are thrown (exitOverride) instead of exiting, so the
 * caller decides the exit code and the wording of the one error line.
 */
export function createProgram(
  io: Pick<CliIo, 'stdout' | 'stderr'>,
  onRun: (flags: RunFlags) => Promise<void>,
  onDiff: (flags: DiffFlags) => Promise<void>,
): Command {
  const program = new Command('dbt-erd')
    .description(
      'Entity-relationship diagrams from dbt artifacts, compatible with dbterd',
    )
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
      // runCli prints commander's errors itself, as one `dbt-erd: error:` line.
      outputError: () => {},
    })
    // Inherited by `run`, like exitOverride and configureOutput.
    .configureHelp({ optionTerm });
  addRunCommand(program, onRun);
  addDiffCommand(program, onDiff);
  return program;
}
