import { Command, Option } from 'commander';
import {
  DEFAULT_ENTITY_NAME_FORMAT,
  ERD_ALGORITHMS,
  ERD_TARGETS,
} from 'backstage-plugin-dbt-erd-common';
import { CliIo } from './CliIo';
import { shortFlagOf } from './expandShortFlags';
import { RunFlags } from './RunFlags';

/** click's `multiple=True`: every occurrence adds one value. */
function repeatable(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Shows dbterd's multi-letter short flags (`-ad, --artifacts-dir`) in help. */
function optionTerm(option: Option): string {
  const short = option.long ? shortFlagOf(option.long) : undefined;
  return short ? `${short}, ${option.flags}` : option.flags;
}

function addRunCommand(
  program: Command,
  onRun: (flags: RunFlags) => Promise<void>,
): void {
  program
    .command('run')
    .description(
      'Generate an ERD file from dbt artifacts (manifest.json, catalog.json), ' +
        'read from a folder or downloaded from dbt Cloud',
    )
    .option(
      '--artifacts-dir <dir>',
      'folder holding manifest.json and catalog.json (default: the current folder, else its target/)',
    )
    .option('-t, --target <target>', `one of ${ERD_TARGETS.join(', ')}`, 'dbml')
    .option(
      '-a, --algo <algo>',
      `relationship detection: ${ERD_ALGORITHMS.join(
        ', ',
      )}; join several with commas for their union (test_relationship,inferred)`,
      'test_relationship',
    )
    .option(
      '-s, --select <rule>',
      'selection rule (repeatable)',
      repeatable,
      [],
    )
    .option('--exclude <rule>', 'exclusion rule (repeatable)', repeatable, [])
    .option(
      '--resource-type <type>',
      'dbt resource type to draw, e.g. -rt model -rt source (repeatable; default: model)',
      repeatable,
    )
    .option(
      '--entity-name-format <format>',
      `entity name parts (default: ${DEFAULT_ENTITY_NAME_FORMAT})`,
    )
    .option(
      '--entity-group <attributes>',
      'group entities by dot-separated attributes, e.g. database.schema (dbml)',
    )
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
      'dbt Cloud host or URL (env DBTERD_DBT_CLOUD_HOST_URL; default: cloud.getdbt.com)',
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
      'dbt Cloud service token (env DBTERD_DBT_CLOUD_SERVICE_TOKEN)',
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
  return program;
}
