/**
 * The dbt-erd command line: dbterd's `run` command on the dbt ERD engine.
 *
 * @packageDocumentation
 */
export { runCli } from './runCli';
export { runMain } from './runMain';
export type { CliIo, CliWritable } from './CliIo';
