import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from 'backstage-plugin-dbt-erd-node/cli';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import { CapturedLogs, RecordingCache } from './__testUtils__/capturingLogger';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import {
  annotatedEntity,
  startCloudTestBackend,
} from './__testUtils__/startCloudTestBackend';

const TOKEN = 'dbtc_TEST-diff-secret-token-1a2b3c4d';
const ACCOUNT_ID = 12345;
const paths = FakeDbtCloudServer.paths;
const PAYMENTS_TEST =
  'test.acme_analytics.relationships_stg_payments_order_id__order_id__ref_stg_orders_.b6274f5544';
const PAYMENTS_TO_ORDERS =
  'model.acme_analytics.stg_payments(order_id) -> model.acme_analytics.stg_orders(order_id)';

/** The demo project after a change that drops a relationships test and retypes a column. */
function changedArtifacts() {
  const artifacts = structuredClone(demoArtifacts);
  delete artifacts['manifest.json'].nodes[PAYMENTS_TEST];
  artifacts['catalog.json'].nodes[
    'model.acme_analytics.stg_orders'
  ].columns.status.type = 'varchar';
  return artifacts;
}

const entity = annotatedEntity;

const entities = [
  entity('by-job', { 'getdbt.com/cloud-job-id': '45' }),
  entity('by-run', { 'getdbt.com/cloud-run-id': '123' }),
  entity('first-run-only', { 'getdbt.com/cloud-job-id': '47' }),
  entity('with-ci', {
    'getdbt.com/cloud-job-id': '45',
    'getdbt.com/cloud-ci-job-id': '46',
  }),
  entity('ci-without-runs', {
    'getdbt.com/cloud-job-id': '45',
    'getdbt.com/cloud-ci-job-id': '49',
  }),
  entity('from-folder', { 'getdbt.com/artifacts-location': 'local:demo' }),
];

const DIFF = '/api/dbt-erd/entities/default/component/by-job/erd/diff';

describe('ERD diff route against a dbt Cloud test server serving two runs of a job', () => {
  let fake: FakeDbtCloudServer;
  let logs: CapturedLogs;
  let cache: RecordingCache;
  const bodies: string[] = [];

  beforeEach(async () => {
    fake = await new FakeDbtCloudServer({
      accounts: [
        {
          id: ACCOUNT_ID,
          token: TOKEN,
          runs: [
            {
              id: 100,
              job_definition_id: 45,
              finished_at: '2026-11-27T06:00:00Z',
              artifacts: demoArtifacts,
            },
            {
              id: 123,
              job_definition_id: 45,
              finished_at: '2026-11-28T06:00:00Z',
              artifacts: changedArtifacts(),
            },
            {
              id: 300,
              job_definition_id: 46,
              finished_at: '2026-11-28T07:00:00Z',
              artifacts: demoArtifacts,
            },
            {
              id: 400,
              job_definition_id: 47,
              finished_at: '2026-11-28T08:00:00Z',
              artifacts: demoArtifacts,
            },
          ],
        },
      ],
    }).start();
    logs = new CapturedLogs();
    cache = new RecordingCache();
  });

  afterEach(async () => {
    await fake.stop();
    const everything = [...bodies, ...logs.lines, ...cache.stored].join('\n');
    // eslint-disable-next-line jest/no-standalone-expect
    expect(everything).not.toContain(TOKEN);
  });

  const startBackend = () =>
    startCloudTestBackend({
      accessUrl: fake.url,
      accountId: ACCOUNT_ID,
      token: TOKEN,
      entities,
      logs,
      cache,
      bodies,
    });

  it('diffs the latest run of the job with the previous one, explaining the removed relationship', async () => {
    const { get } = await startBackend();
    const res = await get(`${DIFF}?base=previous`);

    expect(res.status).toBe(200);
    expect(res.body.base).toMatchObject({
      source: 'dbt Cloud run 100 (job 45)',
    });
    expect(res.body.head).toMatchObject({
      source: 'dbt Cloud run 123 (job 45)',
    });
    expect(res.body.sources.base).toMatchObject({ runId: 100 });
    expect(res.body.sources.head).toMatchObject({ runId: 123, jobId: 45 });
    expect(res.body.relationships.removed).toEqual([
      expect.objectContaining({
        key: PAYMENTS_TO_ORDERS,
        id: PAYMENTS_TEST,
        why: { reason: 'test_removed', text: 'test deleted' },
      }),
    ]);
    expect(res.body.tables.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'model.acme_analytics.stg_orders',
          columns: {
            added: [],
            removed: [],
            changed: [
              {
                name: 'status',
                from: { data_type: 'text' },
                to: { data_type: 'varchar' },
              },
            ],
          },
        }),
      ]),
    );
  });

  it('serves a diff of two immutable runs from the cache, with an ETag', async () => {
    const { get } = await startBackend();
    const first = await get(`${DIFF}?base=run:100`);
    const upstream = fake.requestCount();

    const second = await get(`${DIFF}?base=run:100`);
    const revalidated = await get(`${DIFF}?base=run:100`, {
      'If-None-Match': first.headers.etag,
    });

    expect(second.body).toEqual(first.body);
    expect(revalidated.status).toBe(304);
    expect(cache.stored.some(e => e.startsWith('erd-diff:'))).toBe(true);
    // Only the job's latest-run lookup could have gone upstream, and it is cached too.
    expect(fake.requestCount()).toBe(upstream);
  });

  it('gives the same diff for base=previous and base=run:<that run>, downloading each run once', async () => {
    const { get } = await startBackend();
    const previous = await get(`${DIFF}?base=previous`);
    const pinned = await get(`${DIFF}?base=run:100`);

    expect(pinned.body.tables).toEqual(previous.body.tables);
    expect(pinned.body.relationships).toEqual(previous.body.relationships);
    expect(
      fake.requestCount(paths.runArtifact(ACCOUNT_ID, 100, 'manifest.json')),
    ).toBe(1);
  });

  it('compares with the latest run of another job, e.g. a CI job', async () => {
    const { get } = await startBackend();
    const res = await get(`${DIFF}?base=job:46`);

    expect(res.status).toBe(200);
    expect(res.body.sources.base).toMatchObject({ jobId: 46, runId: 300 });
    expect(res.body.summary.relationships).toEqual({
      added: 0,
      removed: 1,
      changed: 0,
    });
  });

  it('compares with the latest run of the CI job annotation with base=ci', async () => {
    const { get } = await startBackend();
    const ci = await get(
      '/api/dbt-erd/entities/default/component/with-ci/erd/diff?base=ci',
    );
    const job = await get(
      '/api/dbt-erd/entities/default/component/with-ci/erd/diff?base=job:46',
    );

    expect(ci.status).toBe(200);
    expect(ci.body.sources.base).toMatchObject({ jobId: 46, runId: 300 });
    expect(ci.body.relationships).toEqual(job.body.relationships);
  });

  it('sends the base side of removed tables and columns, so the tab can draw them as ghosts', async () => {
    // A newer run of job 45 drops a table and a column that run 100 has.
    const artifacts = structuredClone(demoArtifacts);
    const dropped = 'model.acme_analytics.fct_daily_revenue';
    const orders = 'model.acme_analytics.stg_orders';
    delete artifacts['manifest.json'].nodes[dropped];
    delete artifacts['catalog.json'].nodes[dropped];
    delete artifacts['manifest.json'].nodes[orders].columns.shipping_amount;
    delete artifacts['catalog.json'].nodes[orders].columns.shipping_amount;
    fake.addRun(ACCOUNT_ID, {
      id: 150,
      job_definition_id: 45,
      finished_at: '2026-11-29T06:00:00Z',
      artifacts,
    });
    const { get } = await startBackend();
    const res = await get(`${DIFF}?base=run:100`);

    expect(res.status).toBe(200);
    expect(res.body.tables.removed).toEqual([dropped]);
    expect(res.body.ghosts.tables).toEqual([
      expect.objectContaining({
        id: dropped,
        columns: expect.arrayContaining([
          expect.objectContaining({ name: 'revenue' }),
        ]),
      }),
    ]);
    expect(res.body.ghosts.columns).toEqual([
      {
        table_id: orders,
        columns: [expect.objectContaining({ name: 'shipping_amount' })],
      },
    ]);
  });

  it('applies the ERD option parameters to both sides', async () => {
    const { get } = await startBackend();
    const res = await get(
      `${DIFF}?base=previous&select=model.acme_analytics.dim_`,
    );

    expect(res.status).toBe(200);
    expect(res.body.relationships.removed).toEqual([]);
    expect(res.body.tables.changed).toEqual([]);
  });

  it('sends erd-diff.md as a download with format=markdown', async () => {
    const { get } = await startBackend();
    const res = await get(`${DIFF}?base=previous&format=markdown`);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="erd-diff.md"',
    );
    expect(res.text).toContain(
      '- stg_payments.order_id → stg_orders.order_id (removed: test deleted)',
    );
    expect(res.text).toContain('```mermaid');
  });

  it('sends erd-diff.md with format=md and erd-diff.json with format=json', async () => {
    const { get } = await startBackend();
    const md = await get(`${DIFF}?base=previous&format=md`);
    const json = await get(`${DIFF}?base=previous&format=json`);
    const plain = await get(`${DIFF}?base=previous`);

    expect(md.headers['content-disposition']).toBe(
      'attachment; filename="erd-diff.md"',
    );
    expect(md.text).toContain('(removed: test deleted)');
    expect(json.headers['content-disposition']).toBe(
      'attachment; filename="erd-diff.json"',
    );
    expect(json.body).toEqual(plain.body);
    expect(plain.headers['content-disposition']).toBeUndefined();
  });

  it('gives the same tables and relationships as dbt-erd diff on the same two runs', async () => {
    const { get } = await startBackend();
    const route = await get(`${DIFF}?base=previous`);
    const dir = await mkdtemp(join(tmpdir(), 'dbt-erd-diff-'));
    try {
      const write = (side: string, files: Record<string, object>) => {
        mkdirSync(join(dir, side));
        for (const [file, body] of Object.entries(files)) {
          writeFileSync(join(dir, side, file), JSON.stringify(body));
        }
      };
      write('base', demoArtifacts);
      write('head', changedArtifacts());
      const exitCode = await runCli(
        ['diff', '-bad', 'base', '-ad', 'head', '-o', 'out'],
        {
          stdout: { write: () => true },
          stderr: { write: () => true },
          env: {},
          cwd: dir,
        },
      );
      const cli = JSON.parse(
        await readFile(join(dir, 'out', 'erd-diff.json'), 'utf8'),
      );

      expect(exitCode).toBe(0);
      expect(cli.summary).toEqual(route.body.summary);
      expect(cli.tables).toEqual(route.body.tables);
      expect(cli.relationships).toEqual(route.body.relationships);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('maps dbt Cloud failures on the base side as the ERD route does', async () => {
    const { get } = await startBackend();
    const BY_RUN = '/api/dbt-erd/entities/default/component/by-run/erd/diff';
    const baseManifest = (runId: number) =>
      paths.runArtifact(ACCOUNT_ID, runId, 'manifest.json');

    fake.inject(baseManifest(100), { kind: 'status', status: 401 });
    const rejected = await get(`${BY_RUN}?base=run:100`);
    expect(rejected.status).toBe(502);
    expect(rejected.body.error.message).toMatch(
      /rejected the token for account main \(401\)/,
    );

    fake.inject(baseManifest(300), { kind: 'status', status: 502 }, 99);
    const down = await get(`${BY_RUN}?base=run:300`);
    expect(down.status).toBe(504);
    expect(down.body.error.message).toMatch(/dbt Cloud/);
    fake.clearFaults();

    // Last: a 429 without Retry-After starts the account's cool-down.
    fake.inject(baseManifest(400), { kind: 'status', status: 429 }, 99);
    const limited = await get(`${BY_RUN}?base=run:400`);
    expect(limited.status).toBe(503);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body.error.message).toMatch(/429|rate/i);
  }, 30_000);

  it('answers bad requests with a status and a message naming what to do', async () => {
    const { get } = await startBackend();
    const cases: Array<[string, number, RegExp]> = [
      [DIFF, 400, /base is missing; use base=previous/],
      [`${DIFF}?base=yesterday`, 400, /base "yesterday" is not understood/],
      [`${DIFF}?base=run:12x`, 400, /base "run:12x" is not understood/],
      [`${DIFF}?base=previous&format=dbml`, 400, /use json, markdown or md/],
      [
        `${DIFF}?base=ci`,
        400,
        /base=ci needs the getdbt.com\/cloud-ci-job-id annotation/,
      ],
      [
        '/api/dbt-erd/entities/default/component/ci-without-runs/erd/diff?base=ci',
        404,
        /job 49/,
      ],
      [
        '/api/dbt-erd/entities/default/component/from-folder/erd/diff?base=previous',
        400,
        /Comparing runs needs an entity whose ERD comes from dbt Cloud/,
      ],
      [`${DIFF}?base=previous&algo=nope`, 400, /nope/],
      [
        '/api/dbt-erd/entities/default/component/by-run/erd/diff?base=previous',
        400,
        /base=previous needs an entity annotated with getdbt.com\/cloud-job-id/,
      ],
      [
        '/api/dbt-erd/entities/default/component/first-run-only/erd/diff?base=previous',
        404,
        /dbt Cloud job 47 has no successful run with docs before run 400/,
      ],
      [`${DIFF}?base=run:999`, 404, /run 999/],
      [
        '/api/dbt-erd/entities/default/component/unknown/erd/diff?base=previous',
        404,
        /not found/,
      ],
    ];
    for (const [path, status, message] of cases) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.body.error.message).toMatch(message);
    }
  });
});
