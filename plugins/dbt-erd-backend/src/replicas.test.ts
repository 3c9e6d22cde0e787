import { spawnSync } from 'node:child_process';
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import { Client } from 'pg';
import { createClient } from '@redis/client';
import request from 'supertest';
import { CapturedLogs } from './__testUtils__/capturingLogger';
import { mainAccountOn } from './__testUtils__/dbtCloudConfig';
import { startFakeDbtCloud } from './__testUtils__/fakeDbtCloud';
import { scanForSecrets } from './__testUtils__/secretScan';
import { annotatedEntity } from './__testUtils__/startCloudTestBackend';
import { dbtErdPlugin } from './plugin';
import { tabErd } from './__testUtils__/tabErd';

/*
 * Two backend replicas sharing one Redis (cache) and one PostgreSQL
 * (scheduler locks), as Backstage runs in production. Needs the services on
 * 127.0.0.1:6379 and :5432 (CI has them). Without them the tests are
 * reported as skipped, by name; with DBT_ERD_REQUIRE_SERVICES=true (CI) they
 * fail instead. The pre-build task itself is covered without services in
 * prebuild.test.ts.
 */
const REDIS = { host: '127.0.0.1', port: 6379 };
const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres' };

// Unique per run: nothing cached by an earlier run can answer for this one.
const RUN = `${Date.now().toString(36)}${Math.floor(
  Math.random() * 1e6,
).toString(36)}`;
const ACCOUNT_ID = 700000 + Math.floor(Math.random() * 99999);
// Unique too, so that scanning the whole Redis for it finds only this run's leaks.
const TOKEN = `dbtc_replica-test-token-${RUN}`;
const DB_PREFIX = `dbterd_${RUN}_`;

/**
 * Whether something listens on 127.0.0.1:port, known before the tests are
 * declared (so that they can be declared skipped): a child process tries.
 */
function reachable(port: number): boolean {
  const probe = `require('net').connect(${port}, '127.0.0.1')
    .once('connect', () => process.exit(0)).once('error', () => process.exit(1))`;
  return (
    spawnSync(process.execPath, ['-e', probe], { timeout: 10_000 }).status === 0
  );
}

const servicesUp = reachable(REDIS.port) && reachable(POSTGRES.port);
const requireServices = process.env.DBT_ERD_REQUIRE_SERVICES === 'true';
const describeWithServices =
  servicesUp || requireServices ? describe : describe.skip;
const MISSING = `Redis (127.0.0.1:${REDIS.port}) or PostgreSQL (127.0.0.1:${POSTGRES.port}) not reachable`;

const entities = [annotatedEntity('shop', { 'getdbt.com/cloud-job-id': '45' })];

/** Every value this run left in Redis, scanned for the token. */
async function scanRedis() {
  const redis = createClient({ url: `redis://${REDIS.host}:${REDIS.port}` });
  await redis.connect();
  try {
    let entries = 0;
    for await (const keys of redis.scanIterator({ COUNT: 500 })) {
      for (const key of ([] as string[]).concat(keys)) {
        if ((await redis.type(key)) !== 'string') continue;
        const value = (await redis.get(key)) ?? '';
        scanForSecrets(`the Redis entry ${key}`, `${key} ${value}`);
        entries += 1;
      }
    }
    return entries;
  } finally {
    await redis.quit();
  }
}

describeWithServices(
  `several backend replicas (Redis + PostgreSQL)${
    servicesUp || requireServices ? '' : ` skipped: ${MISSING}`
  }`,
  () => {
    let fake: FakeDbtCloudServer;

    beforeAll(() => {
      if (!servicesUp) {
        throw new Error(`DBT_ERD_REQUIRE_SERVICES=true, but ${MISSING}`);
      }
    });

    beforeEach(async () => {
      fake = await startFakeDbtCloud({ id: ACCOUNT_ID, token: TOKEN });
    });

    afterEach(async () => {
      await fake?.stop();
      if (!servicesUp) return;
      // What the replicas stored in the shared cache (the scan fails the test).
      if ((await scanRedis()) === 0) {
        throw new Error('the replicas stored nothing in Redis to scan');
      }
    });

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
                cloud: mainAccountOn(fake, {
                  accountId: ACCOUNT_ID,
                  token: TOKEN,
                }),
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
      const a = await startReplica(new CapturedLogs());
      const b = await startReplica(new CapturedLogs());
      const path = '/api/dbt-erd/entities/default/component/shop/erd';

      const built = await request(a).get(path);
      expect(built.status).toBe(200);
      expect(tabErd(built).nodes.length).toBeGreaterThan(5);
      const upstream = fake.requestCount();
      expect(upstream).toBeGreaterThan(0);

      const served = await request(b).get(path);
      expect(served.status).toBe(200);
      expect(served.body).toEqual(built.body);
      expect(fake.requestCount()).toBe(upstream);
    });

    it('runs the scheduled pre-build once per period across both replicas', async () => {
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
          FakeDbtCloudServer.paths.runArtifact(
            ACCOUNT_ID,
            123,
            'manifest.json',
          ),
        ),
      ).toBeLessThanOrEqual(1);
    }, 30_000);
  },
);
