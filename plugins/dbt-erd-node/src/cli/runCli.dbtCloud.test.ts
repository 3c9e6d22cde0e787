import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeDbtCloudServer } from '../testing';
import {
  createTempDirs,
  DEMO_ARTIFACTS_DIR,
  runCliCapturing,
} from './__testUtils__/cliHarness';
import {
  ACCOUNT_ID,
  run7OfJob45,
  startFakeDbtCloud,
} from './__testUtils__/fakeDbtCloud';

const TOKEN = 'dbtc_CLI-S3CRET-token-0123456789';
const paths = FakeDbtCloudServer.paths;

const manifest = readFileSync(join(DEMO_ARTIFACTS_DIR, 'manifest.json'));
const catalog = readFileSync(join(DEMO_ARTIFACTS_DIR, 'catalog.json'));

/**
 * Account 101: job 45 has run 7 (successful, docs); job 46 has run 8 without
 * a catalog; job 47 has no runs, only job-level artifacts.
 */
function startServer(): Promise<FakeDbtCloudServer> {
  return startFakeDbtCloud({
    token: TOKEN,
    runs: [
      run7OfJob45({ 'manifest.json': manifest, 'catalog.json': catalog }),
      {
        id: 8,
        job_definition_id: 46,
        finished_at: '2024-05-02T11:00:00Z',
        artifacts: { 'manifest.json': manifest },
      },
    ],
    jobArtifacts: {
      47: { 'manifest.json': manifest, 'catalog.json': catalog },
    },
  });
}

describe('dbt-erd run --dbt-cloud', () => {
  const temp = createTempDirs();
  let server: FakeDbtCloudServer;
  let expectedDbml: string;

  beforeAll(async () => {
    // The same artifacts read from the folder: what a download must reproduce.
    const output = temp.make();
    const local = await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-o',
      output,
    ]);
    if (local.exitCode !== 0)
      throw new Error(`local run failed: ${local.stderr}`);
    expectedDbml = readFileSync(join(output, 'output.dbml'), 'utf8');
  });
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });
  afterAll(() => temp.cleanup());

  function cloudArgsWithToken(token: string, ...extra: string[]): string[] {
    return [
      'run',
      '--dbt-cloud',
      '--dbt-cloud-host-url',
      server.url,
      '--dbt-cloud-account-id',
      String(ACCOUNT_ID),
      '--dbt-cloud-service-token',
      token,
      ...extra,
    ];
  }

  function cloudArgs(...extra: string[]): string[] {
    return cloudArgsWithToken(TOKEN, ...extra);
  }

  function outputOf(dir: string): string {
    return readFileSync(join(dir, 'output.dbml'), 'utf8');
  }

  it('downloads the artifacts of a run', async () => {
    const output = temp.make();
    const run = await runCliCapturing(
      cloudArgs('--dbt-cloud-run-id', '7', '-o', output),
    );

    expect(run.exitCode).toBe(0);
    expect(outputOf(output)).toBe(expectedDbml);
    expect(
      server.requestCount(paths.runArtifact(ACCOUNT_ID, 7, 'manifest.json')),
    ).toBe(1);
    expect(run.stderrLines).toContain(
      'Collected 13 table(s) and 9 relationship(s)',
    );
    expect(run.stderrLines).toContain(
      `Output saved to ${join(output, 'output.dbml')}`,
    );
    expect(run.stderr).not.toContain(TOKEN);
  });

  it("reads a job's latest successful run with docs", async () => {
    const output = temp.make();
    const run = await runCliCapturing(
      cloudArgs('--dbt-cloud-job-id', '45', '-o', output),
    );

    expect(run.exitCode).toBe(0);
    expect(outputOf(output)).toBe(expectedDbml);
    expect(server.requestCount(paths.runs(ACCOUNT_ID))).toBe(1);
    expect(
      server.requestCount(paths.runArtifact(ACCOUNT_ID, 7, 'catalog.json')),
    ).toBe(1);
    expect(run.stderrLines).toContain('Using dbt Cloud run 7');
  });

  it("falls back to the job's artifacts endpoint when the job lists no run", async () => {
    const output = temp.make();
    const run = await runCliCapturing(
      cloudArgs('--dbt-cloud-job-id', '47', '-o', output),
    );

    expect(run.exitCode).toBe(0);
    expect(outputOf(output)).toBe(expectedDbml);
    expect(
      server.requestCount(paths.jobArtifact(ACCOUNT_ID, 47, 'manifest.json')),
    ).toBe(1);
    expect(run.stderr).toMatch(
      /dbt-erd: warning: no successful run with docs generated for job 47/,
    );
  });

  it('reads every setting from the DBTERD_DBT_CLOUD_* variables', async () => {
    const output = temp.make();
    const run = await runCliCapturing(['run', '--dbt-cloud', '-o', output], {
      env: {
        DBTERD_DBT_CLOUD_HOST_URL: server.url,
        DBTERD_DBT_CLOUD_ACCOUNT_ID: String(ACCOUNT_ID),
        DBTERD_DBT_CLOUD_SERVICE_TOKEN: TOKEN,
        DBTERD_DBT_CLOUD_RUN_ID: '7',
        DBTERD_DBT_CLOUD_API_VERSION: 'v2',
      },
    });

    expect(run.exitCode).toBe(0);
    expect(outputOf(output)).toBe(expectedDbml);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it('prefers a flag to its variable', async () => {
    const output = temp.make();
    const run = await runCliCapturing(
      cloudArgs('--dbt-cloud-run-id', '7', '-o', output),
      {
        env: {
          DBTERD_DBT_CLOUD_RUN_ID: '8',
          DBTERD_DBT_CLOUD_SERVICE_TOKEN: 'stale',
        },
      },
    );

    expect(run.exitCode).toBe(0);
    expect(server.requestCount(paths.run(ACCOUNT_ID, 7))).toBe(1);
    expect(server.requestCount(paths.run(ACCOUNT_ID, 8))).toBe(0);
  });

  it('uses the run id when both a run id and a job id are given', async () => {
    const output = temp.make();
    const run = await runCliCapturing(
      cloudArgs(
        '--dbt-cloud-job-id',
        '46',
        '--dbt-cloud-run-id',
        '7',
        '-o',
        output,
      ),
    );

    expect(run.exitCode).toBe(0);
    expect(outputOf(output)).toBe(expectedDbml);
    expect(server.requestCount(paths.runs(ACCOUNT_ID))).toBe(0);
    expect(server.requestCount(/\/runs\/8\//)).toBe(0);
    expect(run.stderrLines).toContain(
      'Both run id 7 and job id 46 given; the run id wins',
    );
  });

  it('warns once, and still draws, when the run has no catalog.json', async () => {
    const output = temp.make();
    const run = await runCliCapturing(
      cloudArgs('--dbt-cloud-run-id', '8', '-o', output),
    );

    expect(run.exitCode).toBe(0);
    // The token flag's own warning is covered in runCli.accessUrl.test.ts.
    const warnings = run.stderrLines.filter(
      l =>
        l.startsWith('dbt-erd: warning:') &&
        !l.includes('--dbt-cloud-service-token puts'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/catalog\.json not found for dbt Cloud run 8/);
    expect(outputOf(output)).toMatch(/^Table "model\./m);
  });

  it('fails with one line, without the token, when dbt Cloud refuses the token', async () => {
    const output = temp.make();
    const run = await runCliCapturing(
      cloudArgsWithToken(
        'dbtc_WRONG-token',
        '--dbt-cloud-run-id',
        '7',
        '-o',
        output,
      ),
    );

    expect(run.exitCode).toBe(1);
    const errors = run.stderrLines.filter(l => l.startsWith('dbt-erd: error:'));
    expect(errors).toEqual([
      `dbt-erd: error: dbt Cloud rejected the token for account ${ACCOUNT_ID} (401); check that the service token is valid and not revoked, and that the access URL is this account's own (Account settings → Access URLs)`,
    ]);
    expect(run.stderr).not.toContain('dbtc_WRONG');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('never prints the token, even when dbt Cloud echoes it in an error', async () => {
    server.inject(paths.run(ACCOUNT_ID, 7), {
      kind: 'status',
      status: 400,
      body: { status: { user_message: `Bad header: Token ${TOKEN}` } },
    });
    const run = await runCliCapturing(
      cloudArgs('--dbt-cloud-run-id', '7', '-o', temp.make()),
    );

    expect(run.exitCode).toBe(1);
    expect(
      run.stderrLines.filter(l => l.startsWith('dbt-erd: error:')),
    ).toHaveLength(1);
    expect(run.stderr).toContain('400');
    expect(run.stderr).not.toContain(TOKEN);
  });
});
