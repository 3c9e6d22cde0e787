import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeDbtCloudServer } from '../testing';
import { createTempDirs, runCliCapturing } from './__testUtils__/cliHarness';
import {
  artifactsDir,
  deletePaymentsTest,
  demoFiles,
} from './__testUtils__/diffArtifacts';
import {
  ACCOUNT_ID,
  run7OfJob45,
  startFakeDbtCloud,
} from './__testUtils__/fakeDbtCloud';

const TOKEN = 'dbtc_DIFF-S3CRET-token-9876543210';
const REMOVED =
  'model.acme_analytics.stg_payments(order_id) -> model.acme_analytics.stg_orders(order_id)';

/** Job 45 (production): run 7 before the change. Job 46 (CI): run 9 after it. */
function startServer(): Promise<FakeDbtCloudServer> {
  const before = demoFiles();
  const after = demoFiles(deletePaymentsTest);
  return startFakeDbtCloud({
    token: TOKEN,
    runs: [
      run7OfJob45({
        'manifest.json': before.manifest,
        'catalog.json': before.catalog,
      }),
      {
        id: 9,
        job_definition_id: 46,
        finished_at: '2024-05-02T12:00:00Z',
        artifacts: {
          'manifest.json': after.manifest,
          'catalog.json': after.catalog,
        },
      },
    ],
  });
}

describe('dbt-erd diff with dbt Cloud sides', () => {
  const temp = createTempDirs();
  let server: FakeDbtCloudServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });
  afterAll(() => temp.cleanup());

  const account = () => [
    '--dbt-cloud-host-url',
    server.url,
    '--dbt-cloud-account-id',
    String(ACCOUNT_ID),
    '--dbt-cloud-service-token',
    TOKEN,
  ];
  const diffOf = (output: string) =>
    JSON.parse(readFileSync(join(output, 'erd-diff.json'), 'utf8'));

  it("compares a CI job's run (head, --dbt-cloud) with a production run (base)", async () => {
    const output = temp.make();
    const run = await runCliCapturing([
      'diff',
      ...account(),
      '--base-dbt-cloud-run-id',
      '7',
      '--dbt-cloud',
      '--dbt-cloud-run-id',
      '9',
      '-o',
      output,
      '--fail-on',
      'relationship-removed',
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderrLines).toContain(
      `refused change: relationship removed: ${REMOVED} (test deleted)`,
    );
    const diff = diffOf(output);
    expect(diff.base.source).toBe('dbt Cloud run 7');
    expect(diff.head.source).toBe('dbt Cloud run 9');
    expect(
      diff.relationships.removed.map((e: { key: string }) => e.key),
    ).toEqual([REMOVED]);
    expect(
      run.stderr + readFileSync(join(output, 'erd-diff.json'), 'utf8'),
    ).not.toContain(TOKEN);
  });

  it("compares a local build (head folder) with a job's latest run, the env's run id naming head only", async () => {
    const output = temp.make();
    const head = artifactsDir(temp.make(), deletePaymentsTest);
    const run = await runCliCapturing(
      [
        'diff',
        ...account(),
        '--base-dbt-cloud-job-id',
        '45',
        '-ad',
        head,
        '-o',
        output,
      ],
      { env: { DBTERD_DBT_CLOUD_RUN_ID: '9' } },
    );

    expect(run.exitCode).toBe(0);
    expect(run.stderrLines).toContain('Using dbt Cloud run 7');
    const diff = diffOf(output);
    expect(diff.base.source).toBe('dbt Cloud job 45');
    expect(diff.summary.relationships.removed).toBe(1);
  });

  it('refuses a base given both as a folder and from dbt Cloud, and a dbt Cloud base without an account', async () => {
    const both = await runCliCapturing([
      'diff',
      '-bad',
      temp.make(),
      '--base-dbt-cloud-run-id',
      '7',
    ]);
    const noAccount = await runCliCapturing([
      'diff',
      '--base-dbt-cloud-run-id',
      '7',
    ]);

    expect(both.exitCode).toBe(2);
    expect(both.stderrLines).toEqual([
      'dbt-erd: error: the base side is given twice; pass either -bad/--base-artifacts-dir or --base-dbt-cloud-run-id/--base-dbt-cloud-job-id',
    ]);
    expect(noAccount.exitCode).toBe(2);
    expect(noAccount.stderrLines[0]).toMatch(/account id is missing/);
    expect(server.requestCount()).toBe(0);
  });
});
