import { Command } from 'commander';
import {
  DEFAULT_ENTITY_NAME_FORMAT,
  ERD_ALGORITHMS,
} from 'backstage-plugin-dbt-erd-common';

/** click's `multiple=True`: every occurrence adds one value. */
export function repeatable(
  value: string,
  previous: string[] | undefined,
): string[] {
  return [...(previous ?? []), value];
}

/**
 * The options that decide what the ERD holds (algorithm, selection, naming,
 * grouping), shared by `run` and `diff` so both sides of a diff are built
 * exactly as `run` would build them.
 */
export function addErdSelectionOptions(command: Command): Command {
  return command
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
    );
}
