import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTempDirs,
  DEMO_ARTIFACTS_DIR,
  runCliCapturing,
} from './__testUtils__/cliHarness';

const TOKEN = 'dbtc_BAD-INPUT-s3cret-token';

interface BadInputCase {
  name: string;
  /** Arguments after `run`; `{dir}` is a fresh temp folder. */
  args: (dir: string) => string[];
  setup?: (dir: string) => void;
  env?: Record<string, string>;
  exitCode: 1 | 2;
  /** The single stderr line, after `dbt-erd: error: `. */
  message: RegExp;
}

const demoFolder = (dir: string) => {
  copyFileSync(
    join(DEMO_ARTIFACTS_DIR, 'manifest.json'),
    join(dir, 'manifest.json'),
  );
};

const CASES: BadInputCase[] = [
  {
    name: 'missing artifacts folder',
    args: dir => ['-ad', join(dir, 'nowhere'), '-o', dir],
    exitCode: 1,
    message:
      /^artifacts folder .*nowhere does not exist; pass -ad\/--artifacts-dir/,
  },
  {
    name: 'artifacts folder without manifest.json',
    args: dir => ['-ad', dir, '-o', dir],
    exitCode: 1,
    message: /^manifest\.json not found in .* nor in .*target; run dbt/,
  },
  {
    name: 'no manifest.json in the current folder nor its target/',
    args: dir => ['-o', dir],
    exitCode: 1,
    message: /^manifest\.json not found in .* nor in .*target; .*pass -ad/,
  },
  {
    name: 'manifest.json that is not JSON',
    setup: dir => writeFileSync(join(dir, 'manifest.json'), '{"nodes": '),
    args: dir => ['-ad', dir, '-o', dir],
    exitCode: 1,
    message:
      /^manifest\.json in .+: the file ends at byte 10, before its JSON document does \(truncated\?\); pass the whole manifest\.json written by dbt$/,
  },
  {
    name: 'manifest.json with a broken value',
    setup: dir => writeFileSync(join(dir, 'manifest.json'), '{"nodes": nope}'),
    args: dir => ['-ad', dir, '-o', dir],
    exitCode: 1,
    message:
      /^manifest\.json in .+: nodes is not valid JSON \(.+\); pass the manifest\.json written by dbt, unmodified$/,
  },
  {
    name: 'catalog.json that is not JSON',
    setup: dir => {
      demoFolder(dir);
      writeFileSync(join(dir, 'catalog.json'), 'nope');
    },
    args: dir => ['-ad', dir, '-o', dir],
    exitCode: 1,
    message:
      /^catalog\.json in .+: the document must be a JSON object; pass the catalog\.json written by `dbt docs generate`$/,
  },
  {
    name: 'JSON that is not a dbt manifest',
    setup: dir => writeFileSync(join(dir, 'manifest.json'), '[1, 2]'),
    args: dir => ['-ad', dir, '-o', dir],
    exitCode: 1,
    message: /^manifest\.json in .+: the document must be a JSON object/,
  },
  {
    name: 'unknown target',
    setup: demoFolder,
    args: dir => ['-ad', dir, '-t', 'visio', '-o', dir],
    exitCode: 2,
    message: /^target "visio" is not supported; use one of dbml, mermaid/,
  },
  {
    name: 'unknown algorithm',
    setup: demoFolder,
    args: dir => ['-ad', dir, '-a', 'guess', '-o', dir],
    exitCode: 2,
    message: /^algo "guess" is not supported; use one of test_relationship/,
  },
  {
    name: 'bad selector',
    setup: demoFolder,
    args: dir => ['-ad', dir, '-s', 'colour:finance', '-o', dir],
    exitCode: 2,
    message:
      /^select rule "colour:finance": unsupported selection type "colour" \(in "colour:finance"\); use a name/,
  },
  {
    name: 'bad exclusion',
    setup: demoFolder,
    args: dir => ['-ad', dir, '-ns', 'state:modified', '-o', dir],
    exitCode: 2,
    message:
      /^exclude rule "state:modified": dbt's state: method cannot select ERD tables: it compares with a previous run/,
  },
  {
    name: 'unknown resource type',
    setup: demoFolder,
    args: dir => ['-ad', dir, '-rt', 'macro', '-o', dir],
    exitCode: 2,
    message: /^resource type "macro" is not supported/,
  },
  {
    name: 'unknown option',
    args: () => ['--colour'],
    exitCode: 2,
    message:
      /^unknown option '--colour'.*; run `dbt-erd run --help` for the options$/,
  },
  {
    name: 'option without its value',
    args: () => ['-t'],
    exitCode: 2,
    message:
      /^option '-t, --target <target>' argument missing; run `dbt-erd run --help`/,
  },
  {
    name: 'output folder that is a file',
    setup: dir => {
      demoFolder(dir);
      writeFileSync(join(dir, 'out'), '');
    },
    args: dir => ['-ad', dir, '-o', join(dir, 'out')],
    exitCode: 1,
    message: /^could not write .*out\/output\.dbml \(\w+\); pass -o\/--output/,
  },
  {
    name: '--dbt-cloud without an account id',
    args: dir => [
      '--dbt-cloud',
      '--dbt-cloud-service-token',
      TOKEN,
      '--dbt-cloud-run-id',
      '1',
      '-o',
      dir,
    ],
    exitCode: 2,
    message:
      /^dbt Cloud account id is missing; pass --dbt-cloud-account-id or set DBTERD_DBT_CLOUD_ACCOUNT_ID$/,
  },
  {
    name: '--dbt-cloud without a token',
    args: dir => [
      '--dbt-cloud',
      '--dbt-cloud-account-id',
      '1',
      '--dbt-cloud-run-id',
      '1',
      '-o',
      dir,
    ],
    exitCode: 2,
    message:
      /^dbt Cloud service token is missing; pass --dbt-cloud-service-token or set DBTERD_DBT_CLOUD_SERVICE_TOKEN$/,
  },
  {
    name: '--dbt-cloud with a blank token variable',
    args: dir => [
      '--dbt-cloud',
      '--dbt-cloud-account-id',
      '1',
      '--dbt-cloud-run-id',
      '1',
      '-o',
      dir,
    ],
    env: { DBTERD_DBT_CLOUD_SERVICE_TOKEN: '  ' },
    exitCode: 2,
    message: /^dbt Cloud service token is missing/,
  },
  {
    name: '--dbt-cloud without a run id or job id',
    args: dir => ['--dbt-cloud', '-o', dir],
    env: {
      DBTERD_DBT_CLOUD_ACCOUNT_ID: '1',
      DBTERD_DBT_CLOUD_SERVICE_TOKEN: TOKEN,
    },
    exitCode: 2,
    message:
      /^dbt Cloud run id or job id is missing; pass --dbt-cloud-run-id or --dbt-cloud-job-id/,
  },
  {
    name: '--dbt-cloud with a non-numeric account id',
    args: dir => [
      '--dbt-cloud',
      '--dbt-cloud-account-id',
      'acme',
      '--dbt-cloud-run-id',
      '1',
      '-o',
      dir,
    ],
    env: { DBTERD_DBT_CLOUD_SERVICE_TOKEN: TOKEN },
    exitCode: 2,
    message: /^dbt Cloud account id "acme" is not a number/,
  },
  {
    name: '--dbt-cloud with an unsupported API version',
    args: dir => [
      '--dbt-cloud',
      '--dbt-cloud-api-version',
      'v3',
      '--dbt-cloud-run-id',
      '1',
      '-o',
      dir,
    ],
    env: {
      DBTERD_DBT_CLOUD_ACCOUNT_ID: '1',
      DBTERD_DBT_CLOUD_SERVICE_TOKEN: TOKEN,
    },
    exitCode: 2,
    message: /^dbt Cloud API version "v3" is not supported; use v2/,
  },
  {
    name: '--dbt-cloud with a host that is not a host',
    args: dir => [
      '--dbt-cloud',
      '--dbt-cloud-host-url',
      'ftp://cloud.getdbt.com',
      '--dbt-cloud-run-id',
      '1',
      '-o',
      dir,
    ],
    env: {
      DBTERD_DBT_CLOUD_ACCOUNT_ID: '1',
      DBTERD_DBT_CLOUD_SERVICE_TOKEN: TOKEN,
    },
    exitCode: 2,
    message:
      /^dbt Cloud host "ftp:\/\/cloud\.getdbt\.com" is not a host name or http\(s\) URL/,
  },
];

describe('dbt-erd run with bad input', () => {
  const temp = createTempDirs();
  afterAll(() => temp.cleanup());

  it.each(CASES.map(c => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = temp.make();
    c.setup?.(dir);
    // The current folder is an empty one, so no default folder is found by accident.
    const cwd = join(dir, 'cwd');
    mkdirSync(cwd);
    const run = await runCliCapturing(['run', ...c.args(dir)], {
      cwd,
      env: c.env,
    });

    expect(run.exitCode).toBe(c.exitCode);
    const errors = run.stderrLines.filter(l =>
      l.startsWith('dbt-erd: error: '),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].slice('dbt-erd: error: '.length)).toMatch(c.message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain(TOKEN);
    expect(run.stdout).toBe('');
  });
});
