import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RunFlags } from '../RunFlags';
import { runCli } from '../runCli';

/** The repo's demo dbt project artifacts (examples/dbt/target). */
export const DEMO_ARTIFACTS_DIR = resolve(
  __dirname,
  '../../../../../examples/dbt/target',
);

/** What one in-process run of the CLI printed and returned. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  stderrLines: string[];
}

/** Runs the CLI with captured streams; env is only what the test passes. */
export async function runCliCapturing(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
    stdout: { write: text => (stdout += text) },
    stderr: { write: text => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return {
    exitCode,
    stdout,
    stderr,
    stderrLines: stderr.split('\n').filter(line => line !== ''),
  };
}

/** A fresh temporary folder per test, removed by the returned cleanup. */
export function createTempDirs(): {
  make: () => string;
  cleanup: () => void;
} {
  const made: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), 'dbt-erd-cli-'));
      made.push(dir);
      return dir;
    },
    cleanup: () => {
      made
        .splice(0)
        .forEach(dir => rmSync(dir, { recursive: true, force: true }));
    },
  };
}

/** The parsed flags of `dbt-erd run --dbt-cloud` with dbterd's defaults, plus overrides. */
export function dbtCloudRunFlags(overrides: Partial<RunFlags> = {}): RunFlags {
  return {
    target: 'dbml',
    algo: 'test_relationship',
    select: [],
    exclude: [],
    omitColumns: false,
    omitEntityNameQuotes: false,
    output: 'target',
    dbtCloud: true,
    ...overrides,
  };
}
