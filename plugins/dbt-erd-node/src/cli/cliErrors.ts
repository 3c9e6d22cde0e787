/**
 * The command line itself is wrong (a flag, a missing setting): exit code 2,
 * as click (dbterd) and most Unix tools use for usage errors.
 */
export class CliUsageError extends Error {
  readonly name = 'CliUsageError';

  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Bad input that is not a usage mistake (missing files, a refused token): exit code 1. */
export class CliInputError extends Error {
  readonly name = 'CliInputError';

  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
