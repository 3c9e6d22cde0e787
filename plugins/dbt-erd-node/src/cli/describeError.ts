import { CommanderError } from 'commander';
import { ErdInputError } from 'backstage-plugin-dbt-erd-common';
import { DbtCloudError } from '../cloud';
import { DbtArtifactError } from '../errors';
import { CliInputError, CliUsageError } from './cliErrors';

export const USAGE_EXIT_CODE = 2;
export const FAILURE_EXIT_CODE = 1;

const HELP_HINT = 'run `dbt-erd run --help` for the options';

/** What to print and which exit code to return for an error. */
export interface ErrorReport {
  message: string;
  exitCode: number;
}

/**
 * Every failure becomes one line for the person at the terminal: the
 * message of the errors we expect (they say what is wrong and what to do),
 * and only the message of anything else — never a stack trace.
 */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof CommanderError) {
    const message = error.message.replace(/^error:\s*/i, '');
    return { message: `${message}; ${HELP_HINT}`, exitCode: USAGE_EXIT_CODE };
  }
  if (error instanceof CliUsageError) {
    return { message: error.message, exitCode: USAGE_EXIT_CODE };
  }
  if (
    error instanceof CliInputError ||
    error instanceof DbtArtifactError ||
    error instanceof DbtCloudError ||
    error instanceof ErdInputError
  ) {
    return { message: error.message, exitCode: FAILURE_EXIT_CODE };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected failure: ${message}`,
    exitCode: FAILURE_EXIT_CODE,
  };
}
