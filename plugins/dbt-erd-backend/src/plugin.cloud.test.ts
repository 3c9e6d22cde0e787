import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { dbtErdRefreshPermission } from 'backstage-plugin-dbt-erd-common';
import request from 'supertest';
import { CapturedLogs, RecordingCache } from './__testUtils__/capturingLogger';
import { mainAccountConfigFactory } from './__testUtils__/dbtCloudConfig';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { demoRun, startFakeDbtCloud } from './__testUtils__/fakeDbtCloud';
import { annotatedEntity as entity } from './__testUtils__/startCloudTestBackend';
import { dbtErdPlugin } from './plugin';
import { tabErd } from './__testUtils__/tabErd';

const TOKEN = 'dbtc_TEST-secret-token-9f8e7d6c5b4a';
const ACCOUNT_ID = 12345;
const paths = FakeDbtCloudServer.paths;

const entities = [
  entity('by-job', { 'getdbt.com/cloud-job-id': '45' }),
  entity('by-run', {
    'getdbt.com/cloud-run-id': '123',
    'getdbt.com/cloud-account': 'main',
  }),
  entity('no-catalog', { 'getdbt.com/cloud-run-id': '200' }),
  entity('missing-run', { 'getdbt.com/cloud-run-id': '999' }),
  entity('bad-id', { 'getdbt.com/cloud-run-id': '12abc' }),
  entity('bad-account', {
    'getdbt.com/cloud-job-id': '45',
    'getdbt.com/cloud-account': 'nope',
  }),
  entity('secret', { 'getdbt.com/cloud-job-id': '45' }),
  entity('by-env', { 'getdbt.com/cloud-environment-id': '7' }),
];

const column = (name: string, type: string) => ({
  name,
  type,
  description: '',
});
const appliedState = {
  models: [
    {
      uniqueId: 'model.shop.customers',
      name: 'customers',
      database: 'analytics',
      schema: 'marts',
      catalog: { columns: [column('id', 'integer'), column('name', 'text')] },
    },
    {
      uniqueId: 'model.shop.orders',
      name: 'orders',
      database: 'analytics',
      schema: 'marts',
      catalog: {
        columns: [column('id', 'integer'), column('customer_id', 'integer')],
      },
    },
  ],
  tests: [
    {
      uniqueId:
        'test.shop.relationships_orders_customer_id__id__ref_customers_.abc',
      columnName: 'customer_id',
      meta: {},
      testMetadata: {
        name: 'relationships',
        kwargs: {
          column_name: 'customer_id',
          to: "ref('customers')",
          field: 'id',
        },
      },
      parents: [
        { uniqueId: 'model.shop.customers', resourceType: 'model' },
        { uniqueId: 'model.shop.orders', resourceType: 'model' },
      ],
    },
  ],
};

describe('dbt-erd backend against a dbt Cloud test server', () => {
  let fake: FakeDbtCloudServer;
  let logs: CapturedLogs;
  let cache: RecordingCache;

  beforeEach(async () => {
    fake = await startFakeDbtCloud({
      id: ACCOUNT_ID,
      token: TOKEN,
      runs: [
        { ...demoRun, finished_at: '2026-11-28T06:00:00Z' },
        {
          id: 200,
          job_definition_id: 46,
          artifacts: { 'manifest.json': demoArtifacts['manifest.json'] },
        },
      ],
    });
    fake.setEnvironment(ACCOUNT_ID, 7, appliedState as any);
    logs = new CapturedLogs();
    cache = new RecordingCache();
  });

  // Every response, log line, audit event and cache entry of these tests is
  // scanned for the token by src/setupTests.ts (see __testUtils__/secretScan).
  afterEach(() => fake.stop());

  async function startBackend(token = TOKEN) {
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        logs.factory(),
        cache.factory(),
        mainAccountConfigFactory(
          fake,
          { accountId: ACCOUNT_ID, discoveryUrl: fake.discoveryUrl, token },
          { timeout: { seconds: 2 } },
        ),
        catalogServiceMock.factory({ entities }),
      ],
    });
    const get = (path: string) => request(server).get(path);
    return { server, get };
  }

  it('serves the ERD of the latest successful run of a job, then from the cache', async () => {
    const { get } = await startBackend();
    const first = await get(
      '/api/dbt-erd/entities/default/component/by-job/erd',
    );
    expect(first.status).toBe(200);
    expect(tabErd(first).source).toMatchObject({
      kind: 'dbt-cloud-job',
      name: 'main',
      jobId: 45,
      runId: 123,
      finishedAt: '2026-11-28T06:00:00Z',
    });
    expect(tabErd(first).source.url).toContain('/runs/123');
    const ids = tabErd(first).nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('model.acme_analytics.fct_orders');
    expect(tabErd(first).edges.length).toBeGreaterThan(0);
    expect(tabErd(first).warnings).toEqual([]);

    const upstream = fake.requestCount();
    const second = await get(
      '/api/dbt-erd/entities/default/component/by-job/erd',
    );
    expect(second.body).toEqual(first.body);
    // The ERD and the run lookup went to the cache (scanned for the token after each test).
    expect(cache.stored.some(entry => entry.startsWith('erd:'))).toBe(true);
    expect(cache.stored.some(entry => entry.startsWith('lookup:'))).toBe(true);
    expect(fake.requestCount()).toBe(upstream);
  });

  it('downloads once for concurrent requests (single flight)', async () => {
    const { server } = await startBackend();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        request(server).get(
          '/api/dbt-erd/entities/default/component/by-run/erd',
        ),
      ),
    );
    expect(responses.map(r => r.status)).toEqual(Array(8).fill(200));
    expect(
      fake.requestCount(paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json')),
    ).toBe(1);
  });

  it('shares the cache between a job and its pinned run', async () => {
    const { get } = await startBackend();
    await get('/api/dbt-erd/entities/default/component/by-job/erd');
    const downloads = fake.requestCount(
      paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json'),
    );
    await get('/api/dbt-erd/entities/default/component/by-run/erd');
    expect(
      fake.requestCount(paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json')),
    ).toBe(downloads);
  });

  it("reads an environment's applied state through the Discovery API", async () => {
    const { get } = await startBackend();
    const res = await get('/api/dbt-erd/entities/default/component/by-env/erd');
    expect(res.status).toBe(200);
    expect(tabErd(res).source).toEqual({
      kind: 'dbt-cloud-environment',
      name: 'main',
      environmentId: 7,
    });
    expect(tabErd(res).nodes.map((n: { id: string }) => n.id)).toEqual([
      'model.shop.customers',
      'model.shop.orders',
    ]);
    expect(tabErd(res).edges).toEqual([
      expect.objectContaining({
        from_id: 'model.shop.orders',
        to_id: 'model.shop.customers',
        from_columns: ['customer_id'],
        to_columns: ['id'],
      }),
    ]);
  });

  it('warns when a run has no catalog.json', async () => {
    const { get } = await startBackend();
    const res = await get(
      '/api/dbt-erd/entities/default/component/no-catalog/erd',
    );
    expect(res.status).toBe(200);
    expect(tabErd(res).warnings.join('\n')).toMatch(/catalog\.json/);
  });

  it('exports DBML as a download', async () => {
    const { get } = await startBackend();
    const res = await get(
      '/api/dbt-erd/entities/default/component/by-run/erd?format=dbml',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="by-run-erd.dbml"',
    );
    expect(res.text).toContain('Table "model.acme_analytics.fct_orders"');
    expect(res.text).toContain('Ref: ');
    // Only the json export carries compiled SQL, as dbterd's json target does.
    const json = await get(
      '/api/dbt-erd/entities/default/component/by-run/erd?format=json',
    );
    expect(json.headers['content-disposition']).toBe(
      'attachment; filename="by-run-erd.json"',
    );
    expect(
      JSON.parse(json.text).nodes.some(
        (n: { compiled_sql: string | null }) => n.compiled_sql,
      ),
    ).toBe(true);
    const tab = await get('/api/dbt-erd/entities/default/component/by-run/erd');
    expect(
      tabErd(tab).nodes.every(
        (n: { compiled_sql: string | null }) => !n.compiled_sql,
      ),
    ).toBe(true);
    const bad = await get(
      '/api/dbt-erd/entities/default/component/by-run/erd?format=pdf',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('dbml');
  });

  it('refresh rebuilds from dbt Cloud', async () => {
    const { server, get } = await startBackend();
    await get('/api/dbt-erd/entities/default/component/by-job/erd');
    const before = fake.requestCount(
      paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json'),
    );
    const res = await request(server).post(
      '/api/dbt-erd/entities/default/component/by-job/erd/refresh',
    );
    expect(res.status).toBe(200);
    expect(
      fake.requestCount(paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json')),
    ).toBe(before + 1);
  });

  it.each([
    ['missing-run', 404, /run 999 not found in account main/],
    [
      'bad-id',
      400,
      /getdbt\.com\/cloud-run-id must be a numeric dbt Cloud id, got "12abc"/,
    ],
    ['bad-account', 400, /"nope", which is not configured; configured: main/],
  ])(
    'answers %s with %i and a message to act on',
    async (name, status, message) => {
      const { get } = await startBackend();
      const res = await get(
        `/api/dbt-erd/entities/default/component/${name}/erd`,
      );
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
    },
  );

  it('reports a rejected token as 502 without the token', async () => {
    const { get } = await startBackend('dbtc_wrong-token');
    const res = await get('/api/dbt-erd/entities/default/component/by-run/erd');
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain(
      'dbt Cloud rejected the token for account main (401)',
    );
    expect(res.text).not.toContain('dbtc_wrong-token');
  });

  it('gives a user who may not read the entity the same 404 as a missing one', async () => {
    const catalog = catalogServiceMock({ entities });
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        logs.factory(),
        mainAccountConfigFactory(fake, { accountId: ACCOUNT_ID, token: TOKEN }),
        // The catalog answers as the permission framework would for this user.
        catalogServiceMock.mock({
          getEntityByRef: async (ref, options) =>
            (options as any)?.credentials?.principal?.userEntityRef ===
            'user:default/outsider'
              ? undefined
              : catalog.getEntityByRef(ref, options as any),
        }).factory,
      ],
    });
    const denied = await request(server)
      .get('/api/dbt-erd/entities/default/component/secret/erd')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/outsider'),
      );
    const missing = await request(server)
      .get('/api/dbt-erd/entities/default/component/nothing-here/erd')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/outsider'),
      );
    expect(denied.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(denied.body.error.name).toBe(missing.body.error.name);
    expect(fake.requestCount()).toBe(0);
    const allowed = await request(server)
      .get('/api/dbt-erd/entities/default/component/secret/erd')
      .set('Authorization', mockCredentials.user.header('user:default/member'));
    expect(allowed.status).toBe(200);
  });

  it('refuses refresh without the dbt-erd.erd.refresh permission, and audits it', async () => {
    const auditor = mockServices.auditor.mock();
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })) as any,
    });
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        logs.factory(),
        auditor.factory,
        permissions.factory,
        mainAccountConfigFactory(fake, { accountId: ACCOUNT_ID, token: TOKEN }),
        catalogServiceMock.factory({ entities }),
      ],
    });
    const res = await request(server)
      .post('/api/dbt-erd/entities/default/component/by-job/erd/refresh')
      .set('Authorization', mockCredentials.user.header('user:default/mo'));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('dbt-erd.erd.refresh');
    expect(fake.requestCount()).toBe(0);
    // Exactly the refresh permission was asked, for the caller.
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    const [asked, options] = permissions.authorize.mock.calls[0];
    expect(asked).toEqual([{ permission: dbtErdRefreshPermission }]);
    expect(asked[0].permission.name).toBe('dbt-erd.erd.refresh');
    expect((options as any).credentials.principal).toMatchObject({
      type: 'user',
      userEntityRef: 'user:default/mo',
    });
    // One audit event for the entity, closed as failed with the refusal.
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'erd-refresh',
        meta: { entityRef: 'component:default/by-job' },
      }),
    );
    const event = await auditor.createEvent.mock.results[0].value;
    expect(event.success).not.toHaveBeenCalled();
    expect(event.fail).toHaveBeenCalledTimes(1);
    expect(event.fail.mock.calls[0][0].error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('dbt-erd.erd.refresh'),
    });
  });

  it('rejects requests without a Backstage identity', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get('/api/dbt-erd/entities/default/component/by-job/erd')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
