import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FakeDbtCloudServer,
  FakeFault,
} from 'backstage-plugin-dbt-erd-node/testUtils';
import { buildErd, ErdNode } from 'backstage-plugin-dbt-erd-common';
import request from 'supertest';
import { CapturedLogs } from './__testUtils__/capturingLogger';
import { mainAccountConfigFactory } from './__testUtils__/dbtCloudConfig';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { startFakeDbtCloud } from './__testUtils__/fakeDbtCloud';
import { dbtErdPlugin } from './plugin';
import { tabErd } from './__testUtils__/tabErd';

/*
 * Every dbt Cloud failure mode, through the whole backend: the status and
 * message a user gets, how many upstream attempts it cost, how long the
 * answer took, and that the next request after the fault clears succeeds
 * (nothing poisoned the cache). The table of figures is printed and written
 * to bench/out/faults.md.
 */
const TOKEN = 'dbtc_FAULT-suite-token-31415926';
const ACCOUNT_ID = 4242;
const TIMEOUT_S = 1;
const { 'manifest.json': manifest, 'catalog.json': catalog } = demoArtifacts;
const paths = FakeDbtCloudServer.paths;
const otherProjectCatalog = {
  metadata: {
    dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json',
  },
  nodes: {
    'model.other.thing': {
      unique_id: 'model.other.thing',
      metadata: {
        type: 'BASE TABLE',
        schema: 'x',
        name: 'thing',
        database: 'y',
      },
      columns: { ID: { type: 'INTEGER', index: 1, name: 'ID', comment: null } },
      stats: {},
    },
  },
  sources: {},
  errors: null,
};

interface Scenario {
  name: string;
  /** Faults on the manifest download unless `path` says otherwise. */
  fault?: FakeFault;
  times?: number;
  path?: (runId: number) => string;
  /** Replaces the run's artifacts. */
  artifacts?: Record<string, unknown>;
  accessUrl?: string;
  status: number;
  message: RegExp;
  /** Upper bound of upstream requests to the faulty path. */
  maxAttempts?: number;
  /** Whether the request after the fault clears must succeed. */
  recovers?: boolean;
  /** What else the answer must hold: what `content` reads from it must equal `expectedContent`. */
  content?: (body: any) => unknown;
  expectedContent?: () => unknown;
}

/** Tables with their typed columns, and how many relationships. */
const erdShape = (erd: { nodes: ErdNode[]; edges: unknown[] }) => ({
  tables: erd.nodes.map(n => ({
    id: n.id,
    columns: n.columns.map(c => `${c.name} ${c.data_type}`),
  })),
  relationships: erd.edges.length,
});

const manifestPath = (runId: number) =>
  paths.runArtifact(ACCOUNT_ID, runId, 'manifest.json');

const scenarios: Scenario[] = [
  {
    name: '401',
    fault: { kind: 'status', status: 401 },
    status: 502,
    message: /rejected the token for account main \(401\)/,
    maxAttempts: 1,
  },
  {
    name: '403',
    fault: { kind: 'status', status: 403 },
    status: 502,
    message: /denied the token for account main.*\(403\)/,
    maxAttempts: 1,
  },
  {
    name: '404 run',
    path: runId => paths.run(ACCOUNT_ID, runId),
    fault: { kind: 'status', status: 404 },
    status: 404,
    message: /not found/,
    maxAttempts: 1,
  },
  {
    name: '429 with Retry-After, then success',
    fault: { kind: 'status', status: 429, retryAfter: '1' },
    status: 200,
    message: /./,
    maxAttempts: 2,
  },
  {
    name: '429 without Retry-After, every time',
    fault: { kind: 'status', status: 429 },
    times: 99,
    status: 503,
    message: /429|rate/i,
    maxAttempts: 4,
    // The account's five-minute cool-down answers the next request 503 too
    // (plugin.rateLimit.test.ts).
    recovers: false,
  },
  {
    name: '500 then success',
    fault: { kind: 'status', status: 500 },
    status: 200,
    message: /./,
    maxAttempts: 2,
  },
  {
    name: '502 every time',
    fault: { kind: 'status', status: 502 },
    times: 99,
    status: 504,
    message: /dbt Cloud/,
    maxAttempts: 4,
  },
  {
    name: '503 then success',
    fault: { kind: 'status', status: 503 },
    status: 200,
    message: /./,
    maxAttempts: 2,
  },
  {
    name: 'connection refused',
    accessUrl: 'http://127.0.0.1:9',
    status: 504,
    message: /unreachable|ECONNREFUSED/i,
  },
  {
    name: 'reset mid-body',
    fault: { kind: 'reset-mid-body' },
    status: 200,
    message: /./,
    maxAttempts: 2,
  },
  {
    name: 'hang',
    fault: { kind: 'hang' },
    status: 504,
    message: /did not answer|time/i,
    maxAttempts: 1,
  },
  {
    name: 'body over the limit',
    fault: { kind: 'oversized', bytes: 3_000_000 },
    status: 502,
    message: /larger than .*limit/i,
    maxAttempts: 1,
  },
  {
    name: 'truncated JSON',
    fault: { kind: 'truncated-json' },
    status: 502,
    message: /manifest\.json.*(not valid JSON|truncated)/,
    maxAttempts: 1,
  },
  {
    name: 'JSON that is not a manifest',
    artifacts: { 'manifest.json': { hello: 'world' }, 'catalog.json': catalog },
    status: 502,
    message: /manifest\.json/,
    recovers: false,
  },
  {
    name: 'catalog from another project',
    artifacts: {
      'manifest.json': manifest,
      'catalog.json': otherProjectCatalog,
    },
    status: 200,
    message: /./,
    // The catalog matches no table: the ERD is the manifest's alone, as
    // without any catalog, with none of the other project's tables or column
    // types mixed in.
    content: body => erdShape(body),
    expectedContent: () =>
      erdShape(buildErd({ manifest: manifest as any }).erd),
  },
  {
    name: 'run without artifacts',
    artifacts: {},
    status: 404,
    message: /manifest\.json/,
    recovers: false,
  },
];

const entityFor = (runId: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `run-${runId}`,
    namespace: 'default',
    annotations: { 'getdbt.com/cloud-run-id': String(runId) },
  },
  spec: {},
});

describe('dbt Cloud faults through the backend', () => {
  const figures: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    const table = [
      '| fault | status | message | upstream attempts | time to answer | next request |',
      '| --- | --- | --- | --- | --- | --- |',
      ...figures,
    ].join('\n');
    console.info(`dbt Cloud faults (time-out ${TIMEOUT_S} s):\n${table}`);
    mkdirSync(resolve(__dirname, '../../../bench/out'), { recursive: true });
    writeFileSync(
      resolve(__dirname, '../../../bench/out/faults.md'),
      `${table}\n`,
    );
  });

  it.each(scenarios.map((s, i) => [s.name, s, 1000 + i] as const))(
    '%s',
    async (_name, scenario, runId) => {
      const artifacts = scenario.artifacts ?? {
        'manifest.json': manifest,
        'catalog.json': catalog,
      };
      const fake = await startFakeDbtCloud({
        id: ACCOUNT_ID,
        token: TOKEN,
        runs: [
          { id: runId, job_definition_id: 1, artifacts: artifacts as any },
        ],
      });
      const logs = new CapturedLogs();
      try {
        const { server } = await startTestBackend({
          features: [
            dbtErdPlugin,
            logs.factory(),
            mainAccountConfigFactory(
              { url: scenario.accessUrl ?? fake.url },
              { accountId: ACCOUNT_ID, token: TOKEN },
              { timeout: { seconds: TIMEOUT_S }, maxArtifactBytes: 2_000_000 },
            ),
            catalogServiceMock.factory({ entities: [entityFor(runId)] }),
          ],
        });
        const faultyPath = (scenario.path ?? manifestPath)(runId);
        if (scenario.fault)
          fake.inject(faultyPath, scenario.fault, scenario.times ?? 1);

        const started = Date.now();
        const res = await request(server).get(
          `/api/dbt-erd/entities/default/component/run-${runId}/erd`,
        );
        const elapsed = Date.now() - started;
        const attempts = fake.requestCount(faultyPath);

        fake.clearFaults();
        const next = scenario.accessUrl
          ? undefined
          : await request(server).get(
              `/api/dbt-erd/entities/default/component/run-${runId}/erd`,
            );

        const message =
          res.status === 200
            ? `${tabErd(res).nodes.length} tables`
            : res.body.error.message;
        figures.push(
          `| ${scenario.name} | ${res.status} | ${message.replace(
            /\|/g,
            '/',
          )} | ${attempts} | ${elapsed} ms | ${next?.status ?? 'n/a'} |`,
        );

        expect(res.status).toBe(scenario.status);
        expect(res.status === 200 ? 'ok' : res.body.error.message).toMatch(
          scenario.message,
        );
        expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
        expect(attempts).toBeLessThanOrEqual(scenario.maxAttempts ?? Infinity);
        // Bounded by the time-out and the retries' backoff (at most ~0.5 + 1 + 2 s).
        expect(elapsed).toBeLessThan(TIMEOUT_S * 1000 * 4 + 4_000);
        expect(next?.status ?? 200).toBe(
          scenario.recovers === false ? scenario.status : 200,
        );
        expect(scenario.content?.(tabErd(res))).toEqual(
          scenario.expectedContent?.(),
        );
        // Responses, logs and audit events are scanned for TOKEN by setupTests.ts.
        expect(unhandled).toEqual([]);
      } finally {
        await fake.stop();
      }
    },
    30_000,
  );
});
