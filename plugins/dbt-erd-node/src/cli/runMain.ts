import { runCli } from './runCli';

/**
 * Runs dbt-erd on this process's arguments and streams. Relative paths are
 * resolved against INIT_CWD when set: `yarn dbt-erd` runs the script from the
 * package folder, but the user meant the folder they typed the command in.
 */
export async function runMain(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.env.INIT_CWD || process.cwd(),
  });
}
