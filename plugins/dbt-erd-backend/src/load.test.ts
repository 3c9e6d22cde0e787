import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FakeDbtCloudServer,
  FakeFault,
} from 'backstage-plugin-dbt-erd-node/testUtils';
import autocannon from 'autocannon';
import { CapturedLogs } from './__testUtils__/capturingLogger';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { dbtErdPlugin } from './plugin';

/*
 * Load with faults: many concurrent clients over 20 entities while the dbt
 * Cloud test server fails at random. Short by default (CI); the full form is
 * `yarn load` (200 clients, 60 s). Figures are printed and written to
 * bench/out/load.md; the assertions are about correctness (no 500s, no leak,
 * bounded memory), never about speed.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 6);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const ENTITIES = 20;
const RUNS = 10;
const TOKEN = 'dbtc_LOAD-test-token-2718281828';
const ACCOUNT_ID = 5151;
const { 'manifest.json': manifest, 'catalog.json': catalog } = demoArtifacts;
const paths = FakeDbtCloudServer.paths;

const FAULTS: FakeFault[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 429, retryAfter: '1' },
  { kind: 'status', status: 401 },
  { kind: 'reset-mid-body' },
  { kind: 'truncated-json' },
  { kind: 'hang' },
];

// Half the entities pin a run, half follow a job (whose latest run is the same one).
const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `load-${i}`,
    namespace: 'default',
    annotations: (i % 2 === 0
      ? { 'getdbt.com/cloud-run-id': String(100 + (i % RUNS)) }
      : { 'getdbt.com/cloud-job-id': String(i % RUNS) }) as Record<
      string,
      string
    >,
  },
  spec: {},
}));

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : 0;

async function run(options: {
  url: string;
  paths: () => string;
  connections: number;
  seconds: number;
}) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  // Without a callback autocannon returns its instance, which is also a promise.
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ setupRequest: req => ({ ...req, path: options.paths() }) }],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { result, latencies, statuses };
}

describe('load', () => {
  let fake: FakeDbtCloudServer;
  let logs: CapturedLogs;
  let baseUrl: string;
  const report: string[] = [];

  beforeAll(async () => {
    fake = await new FakeDbtCloudServer({
      accounts: [
        {
          id: ACCOUNT_ID,
          token: TOKEN,
          runs: Array.from({ length: RUNS }, (_, i) => ({
            id: 100 + i,
            job_definition_id: i,
            artifacts: { 'manifest.json': manifest, 'catalog.json': catalog },
          })),
        },
      ],
    }).start();
    logs = new CapturedLogs();
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        logs.factory(),
        mockServices.rootConfig.factory({
          data: {
            dbtErd: {
              cloud: {
                timeout: { seconds: 2 },
                accounts: [
                  {
                    name: 'main',
                    accountId: ACCOUNT_ID,
                    accessUrl: fake.url,
                    token: TOKEN,
                  },
                ],
              },
              cache: { ttl: { seconds: 2 } },
            },
          },
        }),
        catalogServiceMock.factory({ entities }),
      ],
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await fake.stop();
    const text = report.join('\n\n');
    console.info(text);
    mkdirSync(resolve(__dirname, '../../../bench/out'), { recursive: true });
    writeFileSync(
      resolve(__dirname, '../../../bench/out/load.md'),
      `${text}\n`,
    );
  });

  it(
    `holds ${CLIENTS} clients over ${ENTITIES} entities for ${SECONDS} s while dbt Cloud fails at random`,
    async () => {
      // Short cache TTL and random faults keep dbt Cloud busy during the whole run.
      const faultPaths = [
        ...Array.from({ length: RUNS }, (_, i) =>
          paths.runArtifact(ACCOUNT_ID, 100 + i, 'manifest.json'),
        ),
        ...Array.from({ length: RUNS }, (_, i) =>
          paths.run(ACCOUNT_ID, 100 + i),
        ),
        paths.runs(ACCOUNT_ID),
      ];
      const injector = setInterval(() => {
        const path = faultPaths[Math.floor(Math.random() * faultPaths.length)];
        fake.inject(
          path,
          FAULTS[Math.floor(Math.random() * FAULTS.length)],
          1 + Math.floor(Math.random() * 3),
        );
      }, 200);
      let peakRss = 0;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 100);
      const upstreamBefore = fake.requestCount();
      const { latencies, statuses, result } = await run({
        url: baseUrl,
        connections: CLIENTS,
        seconds: SECONDS,
        paths: () =>
          `/api/dbt-erd/entities/default/component/load-${Math.floor(
            Math.random() * ENTITIES,
          )}/erd`,
      });
      clearInterval(injector);
      clearInterval(sampler);
      fake.clearFaults();

      const byStatus = [...statuses.entries()]
        .sort()
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
      report.push(
        [
          `### Load with random dbt Cloud faults: ${CLIENTS} clients, ${ENTITIES} entities, ${SECONDS} s`,
          '| requests | by status | upstream requests | p50 | p95 | p99 | peak RSS (test process) |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          `| ${latencies.length} | ${byStatus} | ${
            fake.requestCount() - upstreamBefore
          } | ${percentile(latencies, 50)} ms | ${percentile(
            latencies,
            95,
          )} ms | ${percentile(latencies, 99)} ms | ${Math.round(
            peakRss / 2 ** 20,
          )} MB |`,
        ].join('\n'),
      );

      expect(latencies.length).toBeGreaterThan(0);
      expect(result.errors).toBe(0);
      expect(statuses.get(500) ?? 0).toBe(0);
      expect(
        [...statuses.keys()].every(s => [200, 404, 502, 503, 504].includes(s)),
      ).toBe(true);
      expect(peakRss).toBeLessThan(2 * 2 ** 30);
      expect(logs.lines.join('\n')).not.toContain(TOKEN);
    },
    (SECONDS + 60) * 1000,
  );

  it('serves a cached ERD to 100 concurrent clients', async () => {
    const path = '/api/dbt-erd/entities/default/component/load-0/erd';
    await fetch(`${baseUrl}${path}`); // warm the cache
    const { latencies, statuses } = await run({
      url: baseUrl,
      connections: 100,
      seconds: Math.min(SECONDS, 5),
      paths: () => path,
    });
    report.push(
      [
        '### Cached ERD, 100 concurrent clients (target: p95 < 50 ms, zero errors)',
        '| requests | by status | p50 | p95 | p99 |',
        '| --- | --- | --- | --- | --- |',
        `| ${latencies.length} | ${[...statuses.entries()]
          .map(([s, n]) => `${s}: ${n}`)
          .join(', ')} | ${percentile(latencies, 50)} ms | ${percentile(
          latencies,
          95,
        )} ms | ${percentile(latencies, 99)} ms |`,
      ].join('\n'),
    );
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 60_000);
});
