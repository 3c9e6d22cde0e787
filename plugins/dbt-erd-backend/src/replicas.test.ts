import { connect } from 'node:net';
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import { Client } from 'pg';
import request from 'supertest';
import { CapturedLogs } from './__testUtils__/capturingLogger';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { dbtErdPlugin } from './plugin';

/*
 * Two backend replicas sharing one Redis (cache) and one PostgreSQL
 * (scheduler locks), as Backstage runs in production. Needs the services on
 * 127.0.0.1:6379 and :5432 (CI has them); skipped, and said so, without them.
 */
const REDIS = { host: '127.0.0.1', port: 6379 };
const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres' };

// Unique per run: nothing cached by an earlier run can answer for this one.
const RUN = `${Date.now().toString(36)}${Math.floor(
  Math.random() * 1e6,
).toString(36)}`;
const ACCOUNT_ID = 700000 + Math.floor(Math.random() * 99999);
const TOKEN = 'dbtc_replica-test-token';
const DB_PREFIX = `dbterd_${RUN}_`;

const reachable = (port: number) =>
  new Promise<boolean>(done => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'shop',
      namespace: 'default',
      annotations: { 'getdbt.com/cloud-job-id': '45' },
    },
    spec: {},
  },
];

let servicesUp = false;
beforeAll(async () => {
  servicesUp =
    (await reachable(REDIS.port)) && (await reachable(POSTGRES.port));
  if (!servicesUp && process.env.DBT_ERD_REQUIRE_SERVICES === 'true') {
    throw new Error(
      'Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432) are required here',
    );
  }
});

describe('several backend replicas (Redis + PostgreSQL)', () => {
  let fake: FakeDbtCloudServer;

  beforeEach(async () => {
    fake = await new FakeDbtCloudServer({
      accounts: [
        {
          id: ACCOUNT_ID,
          token: TOKEN,
          runs: [
            {
              id: 123,
              job_definition_id: 45,
              artifacts: demoArtifacts,
            },
          ],
        },
      ],
    }).start();
  });

  afterEach(() => fake.stop());

  afterAll(async () => {
    if (!servicesUp) return;
    const pg = new Client({ ...POSTGRES, database: 'postgres' });
    await pg.connect();
    const { rows } = await pg.query(
      'select datname from pg_database where datname like $1',
      [`${DB_PREFIX}%`],
    );
    for (const { datname } of rows) {
      await pg.query(`drop database if exists "${datname}" with (force)`);
    }
    await pg.end();
  });

  async function startReplica(logs: CapturedLogs, prebuild?: object) {
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        cacheServiceFactory,
        databaseServiceFactory,
        schedulerServiceFactory,
        logs.factory(),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              cache: {
                store: 'redis',
                connection: `redis://${REDIS.host}:${REDIS.port}`,
              },
              database: {
                client: 'pg',
                connection: POSTGRES,
                prefix: DB_PREFIX,
              },
            },
            dbtErd: {
              cloud: {
                accounts: [
                  {
                    name: 'main',
                    accountId: ACCOUNT_ID,
                    accessUrl: fake.url,
                    token: TOKEN,
                  },
                ],
              },
              ...(prebuild ? { prebuild: { schedule: prebuild } } : {}),
            },
          },
        }),
        catalogServiceMock.factory({ entities }),
      ],
    });
    return server;
  }

  it('serves from replica B an ERD that replica A built, with no dbt Cloud request', async () => {
    if (!servicesUp) {
      console.warn(
        'Redis or PostgreSQL not reachable on 127.0.0.1: replica test skipped',
      );
      return;
    }
    const a = await startReplica(new CapturedLogs());
    const b = await startReplica(new CapturedLogs());
    const path = '/api/dbt-erd/entities/default/component/shop/erd';

    const built = await request(a).get(path);
    expect(built.status).toBe(200);
    expect(built.body.nodes.length).toBeGreaterThan(5);
    const upstream = fake.requestCount();
    expect(upstream).toBeGreaterThan(0);

    const served = await request(b).get(path);
    expect(served.status).toBe(200);
    expect(served.body).toEqual(built.body);
    expect(fake.requestCount()).toBe(upstream);
  });

  it('runs the scheduled pre-build once per period across both replicas', async () => {
    if (!servicesUp) {
      console.warn(
        'Redis or PostgreSQL not reachable on 127.0.0.1: replica test skipped',
      );
      return;
    }
    const logsA = new CapturedLogs();
    const logsB = new CapturedLogs();
    const schedule = { frequency: { seconds: 2 }, timeout: { seconds: 30 } };
    await startReplica(logsA, schedule);
    await startReplica(logsB, schedule);

    const windowMs = 9_000;
    await new Promise(r => setTimeout(r, windowMs));
    const runs = (logs: CapturedLogs) =>
      logs.lines.filter(line => line.includes('Pre-built 1 of 1 ERD(s)'))
        .length;
    const total = runs(logsA) + runs(logsB);
    console.info(
      `pre-build runs in ${windowMs} ms: A ${runs(logsA)}, B ${runs(logsB)}`,
    );
    // Two replicas each running every period would give about 2 x 4.5 runs.
    expect(total).toBeGreaterThanOrEqual(1);
    expect(total).toBeLessThanOrEqual(Math.ceil(windowMs / 2000) + 1);
    // Every run after the first finds the ERD in the shared cache (the
    // previous test may already have put it there): at most one download.
    expect(
      fake.requestCount(
        FakeDbtCloudServer.paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json'),
      ),
    ).toBeLessThanOrEqual(1);
  }, 30_000);
});
