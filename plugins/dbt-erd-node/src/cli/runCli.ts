import { CommanderError } from 'commander';
import { CliIo } from './CliIo';
import { createCliLog, oneLine } from './cliLog';
import { createProgram } from './createProgram';
import { secretsOf } from './dbtCloudSettings';
import { describeError } from './describeError';
import { diffCommand } from './diffCommand';
import { expandShortFlags } from './expandShortFlags';
import { redactSecrets } from './redactSecrets';
import { runCommand } from './runCommand';

/** Help and --version are not failures. */
function isCleanExit(error: unknown): boolean {
  return error instanceof CommanderError && error.exitCode === 0;
}

/**
 * The dbt-erd command line, in-process: `argv` without node and script
 * (e.g. `['run', '-ad', 'target']`). Resolves to the exit code; writes
 * progress to `io.stderr`, help to `io.stdout`, and never throws.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const secrets = secretsOf(argv, io.env);
  const log = createCliLog(io.stderr, secrets);
  const context = { cwd: io.cwd, env: io.env, log };
  const program = createProgram(
    io,
    flags => runCommand(flags, context),
    flags => diffCommand(flags, context),
  );
  if (argv.length === 0) {
    // dbterd (click's no_args_is_help) shows the help when given nothing.
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(expandShortFlags(argv), { from: 'user' });
    return 0;
  } catch (error) {
    if (isCleanExit(error)) return 0;
    const { message, exitCode } = describeError(error);
    io.stderr.write(
      `dbt-erd: error: ${oneLine(redactSecrets(message, secrets))}\n`,
    );
    return exitCode;
  }
}
