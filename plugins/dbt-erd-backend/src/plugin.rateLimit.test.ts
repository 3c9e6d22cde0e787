import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import request from 'supertest';
import { dbtCloudConfigFactory } from './__testUtils__/dbtErdConfig';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { dbtErdPlugin } from './plugin';

const TOKEN = 'dbtc_RATE-limit-token-0123456789';
const ACCOUNT_ID = 12345;
const paths = FakeDbtCloudServer.paths;

/** One cache for two backends, as Redis is for replicas. */
class SharedCache {
  readonly values = new Map<string, unknown>();
  factory() {
    const { values } = this;
    const service: any = {
      get: async (key: string) => values.get(key),
      set: async (key: string, value: unknown) => {
        values.set(key, value);
      },
      delete: async (key: string) => {
        values.delete(key);
      },
      withOptions: () => service,
    };
    return createServiceFactory({
      service: coreServices.cache,
      deps: {},
      factory: () => service,
    });
  }
}

const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});

/**
 * Issue 18.6: a 429 starts a five-minute cool-down for the account, shared
 * by replicas through the cache service: during it requests that need dbt
 * Cloud are answered 503 with Retry-After at once, and cached ERDs are
 * still served. Also 18.4 over HTTP: a running pinned run is a 409.
 */
// Each test starts one or two backends: seconds on a busy machine.
describe('dbt-erd backend: dbt Cloud rate limits and run state', () => {
  let fake: FakeDbtCloudServer;
  const cache = new SharedCache();

  beforeAll(async () => {
    const artifacts = {
      'manifest.json': demoArtifacts['manifest.json'],
      'catalog.json': demoArtifacts['catalog.json'],
    };
    fake = await new FakeDbtCloudServer({
      accounts: [
        {
          id: ACCOUNT_ID,
          token: TOKEN,
          runs: [
            { id: 123, job_definition_id: 45, artifacts },
            { id: 124, job_definition_id: 46, artifacts },
            { id: 130, job_definition_id: 47, status: 3 },
          ],
        },
      ],
    }).start();
    fake.setEnvironment(ACCOUNT_ID, 7, {
      models: [{ uniqueId: 'model.shop.orders', name: 'orders' }],
    });
  });
  afterAll(() => fake.stop());

  async function startReplica(sharedCache = cache) {
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        sharedCache.factory(),
        dbtCloudConfigFactory([
          {
            name: 'main',
            accountId: ACCOUNT_ID,
            accessUrl: fake.url,
            token: TOKEN,
          },
        ]),
        catalogServiceMock.factory({
          entities: [
            entity('pinned', { 'getdbt.com/cloud-run-id': '123' }),
            entity('other', { 'getdbt.com/cloud-run-id': '124' }),
            entity('by-job', { 'getdbt.com/cloud-job-id': '45' }),
            entity('by-job-46', { 'getdbt.com/cloud-job-id': '46' }),
            entity('running', { 'getdbt.com/cloud-run-id': '130' }),
            entity('by-env', { 'getdbt.com/cloud-environment-id': '7' }),
          ],
        }),
      ],
    });
    return (name: string) =>
      request(server).get(
        `/api/dbt-erd/entities/default/component/${name}/erd`,
      );
  }

  it('answers a pinned run that is still running with 409, without downloading', async () => {
    const get = await startReplica();
    const res = await get('running');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'dbt Cloud run 130 is still running in account main; its artifacts can be read once it has finished',
    );
    expect(fake.requestCount(/\/runs\/130\/artifacts\//)).toBe(0);
  }, 30_000);

  it('cools down on a 429 on every replica, and still serves cached ERDs', async () => {
    const replicaA = await startReplica();
    const replicaB = await startReplica();
    expect((await replicaA('pinned')).status).toBe(200);
    expect((await replicaA('by-job')).status).toBe(200);
    expect((await replicaA('by-env')).status).toBe(200);

    fake.inject(paths.run(ACCOUNT_ID, 124), { kind: 'status', status: 429 });
    const limited = await replicaA('other');
    expect(limited.status).toBe(503);
    expect(limited.headers['retry-after']).toBe('300');
    expect(fake.requestCount(paths.run(ACCOUNT_ID, 124))).toBe(1);

    // The other replica knows at once, through the cache, and calls nothing.
    const upstream = fake.requestCount();
    const elsewhere = await replicaB('other');
    expect(elsewhere.status).toBe(503);
    expect(Number(elsewhere.headers['retry-after'])).toBeGreaterThan(290);
    expect(elsewhere.body.error.message).toMatch(
      /^dbt Cloud rate-limited account main \(429\) and asked for a cool-down/,
    );

    // Cached ERDs are still served, even once the job's run lookup expired.
    const lookupKey = `lookup:v2:cloud:${fake.url}/accounts/${ACCOUNT_ID}:job:45`;
    expect(cache.values.has(lookupKey)).toBe(true);
    cache.values.delete(lookupKey);
    expect((await replicaB('pinned')).status).toBe(200);
    expect((await replicaB('by-job')).status).toBe(200);
    // ...and once the environment's lookup period has moved on.
    const now = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(now + 120_000);
    try {
      expect((await replicaB('by-env')).status).toBe(200);
    } finally {
      later.mockRestore();
    }
    expect(fake.requestCount()).toBe(upstream);
    expect(JSON.stringify([...cache.values])).not.toContain(TOKEN);
  }, 30_000);

  it("serves a job's last run while dbt Cloud is down, once its lookup expired", async () => {
    const ownCache = new SharedCache();
    const get = await startReplica(ownCache);
    const first = await get('by-job-46');
    expect(first.status).toBe(200);
    const lookupKey = `lookup:v2:cloud:${fake.url}/accounts/${ACCOUNT_ID}:job:46`;
    ownCache.values.delete(lookupKey);

    // Every attempt at listing the job's runs fails (the first and 3 retries).
    fake.inject(paths.runs(ACCOUNT_ID), { kind: 'status', status: 503 }, 4);
    const during = await get('by-job-46');
    expect(during.status).toBe(200);
    expect(during.body.source).toMatchObject({ jobId: 46, runId: 124 });
    expect(fake.requestCount(/\/runs\/124\/artifacts\//)).toBe(2);

    // A refused token is not an outage: it is answered as such.
    ownCache.values.delete(lookupKey);
    fake.inject(paths.runs(ACCOUNT_ID), { kind: 'status', status: 401 }, 1);
    expect((await get('by-job-46')).status).toBe(502);
    fake.clearFaults();
  }, 30_000);
});
