import { inspect } from 'node:util';
import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import request from 'supertest';
import { CapturedLogs, RecordingCache } from './__testUtils__/capturingLogger';
import { DEMO_TARGET, demoArtifacts } from './__testUtils__/demoArtifacts';
import { dbtErdPlugin } from './plugin';
import { tabErd } from './__testUtils__/tabErd';

/*
 * Two teams share one dbt Cloud account by project and owner: account entry
 * `team-a` serves project 1 to group team-a, `team-b` project 2 to group
 * team-b (and to namespace b-space). The fake holds a run, a job and an
 * environment in each project.
 */
const TOKEN = 'dbtc_TENANCY-secret-token-1a2b3c4d5e';
const ACCOUNT_ID = 777;
const RUN_A = 501;
const RUN_B = 502;
const JOB_A = 51;
const JOB_B = 52;
const ENV_A = 71;
const ENV_B = 72;

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string>,
  namespace = 'default',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace, annotations },
  spec: { type: 'dbt-project', lifecycle: 'production', owner },
});
const cloud = (
  account: string,
  key: 'run' | 'job' | 'environment',
  id: number,
) => ({
  'getdbt.com/cloud-account': account,
  [`getdbt.com/cloud-${key}-id`]: String(id),
});

const ENTITIES = [
  component('a-run', 'team-a', cloud('team-a', 'run', RUN_A)),
  component('a-run-of-b', 'team-a', cloud('team-a', 'run', RUN_B)),
  component('b-on-a-account', 'team-b', cloud('team-a', 'run', RUN_A)),
  component('b-run', 'group:default/team-b', cloud('team-b', 'run', RUN_B)),
  component('b-run-of-a', 'team-b', cloud('team-b', 'run', RUN_A)),
  component('a-job', 'team-a', cloud('team-a', 'job', JOB_A)),
  component('a-job-of-b', 'team-a', cloud('team-a', 'job', JOB_B)),
  component('a-env', 'team-a', cloud('team-a', 'environment', ENV_A)),
  component('a-env-of-b', 'team-a', cloud('team-a', 'environment', ENV_B)),
  component('b-space-run', 'someone', cloud('team-b', 'run', RUN_B), 'b-space'),
  component('a-local', 'team-a', {
    'getdbt.com/artifacts-location': 'local:team-a-demo',
  }),
  component('b-local', 'team-b', {
    'getdbt.com/artifacts-location': 'local:team-a-demo',
  }),
];

const { 'manifest.json': manifest, 'catalog.json': catalog } = demoArtifacts;
const appliedState = {
  models: [
    {
      uniqueId: 'model.shop.customers',
      name: 'customers',
      database: 'analytics',
      schema: 'marts',
      catalog: { columns: [{ name: 'id', type: 'integer', description: '' }] },
    },
  ],
  tests: [],
};

const ARTIFACT_DOWNLOADS = /\/artifacts\/.+\.json$/;

describe('tenancy: which entities may read which dbt Cloud projects', () => {
  let fake: FakeDbtCloudServer;
  let logs: CapturedLogs;
  let cache: RecordingCache;

  beforeEach(async () => {
    const run = (id: number, job: number, project: number) => ({
      id,
      job_definition_id: job,
      project_id: project,
      finished_at: '2026-11-28T06:00:00Z',
      artifacts: { 'manifest.json': manifest, 'catalog.json': catalog },
    });
    fake = await new FakeDbtCloudServer({
      accounts: [
        {
          id: ACCOUNT_ID,
          token: TOKEN,
          runs: [run(RUN_A, JOB_A, 1), run(RUN_B, JOB_B, 2)],
        },
      ],
    }).start();
    fake.setEnvironment(ACCOUNT_ID, ENV_A, {
      ...appliedState,
      project_id: 1,
    } as any);
    fake.setEnvironment(ACCOUNT_ID, ENV_B, {
      ...appliedState,
      project_id: 2,
    } as any);
    logs = new CapturedLogs();
    cache = new RecordingCache();
  });

  // Every response, log line, audit event and cache entry is scanned for
  // the token by src/setupTests.ts, refusals included.
  afterEach(() => fake.stop());

  type Decide = (permission: string, resourceRef?: string) => boolean;

  async function startBackend(decide: Decide = () => true) {
    const auditor = mockServices.auditor.mock();
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result: decide(
            r.permission.name,
            isResourcePermission(r.permission)
              ? (r as { resourceRef?: string }).resourceRef
              : undefined,
          )
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        })) as any,
    });
    const account = (name: string, extra: object) => ({
      name,
      accountId: ACCOUNT_ID,
      accessUrl: fake.url,
      discoveryUrl: fake.discoveryUrl,
      token: TOKEN,
      ...extra,
    });
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        logs.factory(),
        cache.factory(),
        auditor.factory,
        permissions.factory,
        actionsRegistryServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            dbtErd: {
              cloud: {
                timeout: { seconds: 2 },
                accounts: [
                  account('team-a', {
                    projectIds: [1],
                    allowedOwners: ['group:default/team-a'],
                  }),
                  account('team-b', {
                    projectIds: ['2'],
                    allowedOwners: ['team-b'],
                    allowedNamespaces: ['b-space'],
                  }),
                ],
              },
              localProjects: [
                {
                  name: 'team-a-demo',
                  path: DEMO_TARGET,
                  allowedOwners: ['group:default/team-a'],
                },
              ],
            },
          },
        }),
        catalogServiceMock.factory({ entities: ENTITIES }),
      ],
    });
    const erd = (name: string, namespace = 'default', query = '') =>
      request(server).get(
        `/api/dbt-erd/entities/${namespace}/component/${name}/erd${query}`,
      );
    const invoke = (action: string, input: object) =>
      request(server)
        .post(
          `/api/dbt-erd/.backstage/actions/v1/actions/dbt-erd:${action}/invoke`,
        )
        .send(input);
    return { server, erd, invoke, auditor, permissions };
  }

  /** The audit events created so far, with how they ended. */
  async function auditEvents(
    auditor: ReturnType<typeof mockServices.auditor.mock>,
  ) {
    const createEvent = auditor.createEvent as jest.Mock;
    return Promise.all(
      createEvent.mock.calls.map(async ([options], index) => {
        const event = await createEvent.mock.results[index].value;
        return {
          ...options,
          failed: (event.fail as jest.Mock).mock.calls.map(
            ([{ error }]) => error.message,
          ),
        };
      }),
    );
  }

  it('serves each team its own project: run, job, environment, namespace', async () => {
    const { erd } = await startBackend();
    for (const name of ['a-run', 'b-run', 'a-job', 'a-env']) {
      const res = await erd(name);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      expect(tabErd(res).nodes.length).toBeGreaterThan(0);
    }
    expect((await erd('a-run')).body.source).toMatchObject({ projectId: 1 });
    expect((await erd('b-space-run', 'b-space')).status).toBe(200);
    expect((await erd('a-local')).status).toBe(200);
  });

  it.each([
    [
      'a-run-of-b',
      /dbt Cloud run 502 belongs to dbt Cloud project 2.*account "team-a" \(id 777\)/,
    ],
    [
      'b-run-of-a',
      /dbt Cloud run 501 belongs to dbt Cloud project 1.*account "team-b" \(id 777\)/,
    ],
    [
      'b-on-a-account',
      /getdbt.com\/cloud-account: dbt Cloud account "team-a" \(id 777\) may not be used by entities owned by group:default\/team-b/,
    ],
    [
      'a-job-of-b',
      /dbt Cloud job 52 \(latest run 502\) belongs to dbt Cloud project 2.*"team-a"/,
    ],
    [
      'a-env-of-b',
      /dbt Cloud environment 72 belongs to dbt Cloud project 2.*"team-a"/,
    ],
    [
      'b-local',
      /getdbt.com\/artifacts-location: local project "team-a-demo" may not be used by entities owned by group:default\/team-b/,
    ],
  ])('refuses %s with 403 and downloads nothing', async (name, message) => {
    const { erd, auditor } = await startBackend();
    const res = await erd(name);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(message),
    });
    expect(fake.requestCount(ARTIFACT_DOWNLOADS)).toBe(0);
    // The scan of src/setupTests.ts checks this too; said here for the refusal itself.
    expect([res.text, ...logs.lines, ...cache.stored].join('\n')).not.toContain(
      TOKEN,
    );
    // Nor the Discovery API, for the environment.
    expect(fake.requestCount('/graphql')).toBe(0);
    const refusals = (await auditEvents(auditor)).filter(
      e => e.eventId === 'erd-source-refused',
    );
    expect(refusals).toEqual([
      expect.objectContaining({
        severityLevel: 'medium',
        meta: expect.objectContaining({
          entityRef: `component:default/${name}`,
        }),
        failed: [expect.stringMatching(message)],
      }),
    ]);
  });

  it('refuses on cached paths too: another team cannot reuse a cached run or ERD', async () => {
    const { erd } = await startBackend();
    expect((await erd('a-run')).status).toBe(200);
    expect((await erd('a-job')).status).toBe(200);
    expect(cache.stored.some(entry => entry.startsWith('erd:'))).toBe(true);
    const downloads = fake.requestCount(ARTIFACT_DOWNLOADS);
    // The same run, through team-b's account entry (project 2 only)…
    expect((await erd('b-run-of-a')).status).toBe(403);
    // …and through team-a's entry by a team-b entity, twice.
    expect((await erd('b-on-a-account')).status).toBe(403);
    expect((await erd('b-on-a-account')).status).toBe(403);
    expect((await erd('b-run-of-a', 'default', '?format=json')).status).toBe(
      403,
    );
    expect(fake.requestCount(ARTIFACT_DOWNLOADS)).toBe(downloads);
    // The owner still gets the cached ERD.
    expect((await erd('a-run')).status).toBe(200);
    expect(fake.requestCount(ARTIFACT_DOWNLOADS)).toBe(downloads);
  });

  it('refuses a diff whose base is in another project, before any download', async () => {
    const { erd } = await startBackend();
    const res = await erd('a-run', 'default', `/diff?base=run:${RUN_B}`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('belongs to dbt Cloud project 2');
    expect(fake.requestCount(ARTIFACT_DOWNLOADS)).toBe(0);
  });

  it('refuses the actions like the routes', async () => {
    const { invoke } = await startBackend();
    const res = await invoke('get-erd-summary', {
      entityRef: 'component:default/a-run-of-b',
    });
    expect(res.status).toBe(403);
    expect(fake.requestCount(ARTIFACT_DOWNLOADS)).toBe(0);
  });

  it('dbt-erd.erd.read denied: the ERD, table, export, diff and refresh routes are 404 and the actions "not found"', async () => {
    const { server, erd, invoke, auditor } = await startBackend(
      (permission, resourceRef) =>
        permission !== 'dbt-erd.erd.read' ||
        resourceRef !== 'component:default/a-run',
    );
    for (const query of [
      '',
      '/tables/model.acme_analytics.fct_orders',
      '?format=json',
      '?format=dbml',
      `/diff?base=run:${RUN_A}`,
    ]) {
      const res = await erd('a-run', 'default', query);
      expect({ query, status: res.status }).toEqual({ query, status: 404 });
      expect(res.body.error.message).toBe(
        'Entity component:default/a-run not found',
      );
    }
    // Refresh is allowed here (dbt-erd.erd.refresh), reading the entity's ERD is not.
    const refresh = await request(server).post(
      '/api/dbt-erd/entities/default/component/a-run/erd/refresh',
    );
    expect(refresh.status).toBe(404);
    expect(refresh.body.error.message).toBe(
      'Entity component:default/a-run not found',
    );
    for (const [action, input] of [
      ['get-erd-summary', {}],
      ['describe-table', { table: 'fct_orders' }],
      ['find-join-path', { from: 'fct_orders', to: 'dim_products' }],
    ] as const) {
      const res = await invoke(action, {
        entityRef: 'component:default/a-run',
        ...input,
      });
      expect({ action, status: res.status }).toEqual({ action, status: 404 });
      expect(res.body.error.message).toContain('not found');
    }
    expect(fake.requestCount()).toBe(0);
    // Another entity is still served: the policy decides per entity.
    expect((await erd('a-job')).status).toBe(200);
    const refused = (await auditEvents(auditor)).filter(
      e => e.eventId === 'erd-read-refused',
    );
    // Five routes, the refresh and three actions: one event each.
    expect(refused.length).toBe(9);
    expect(refused[0]).toMatchObject({
      severityLevel: 'medium',
      meta: {
        entityRef: 'component:default/a-run',
        permission: 'dbt-erd.erd.read',
      },
    });
  });

  it('dbt-erd.erd.read-sql decides whether the json export carries compiled SQL', async () => {
    const withSql = await startBackend();
    const full = await withSql.erd('a-run', 'default', '?format=json');
    expect(full.status).toBe(200);
    const fullDoc = JSON.parse(full.text);
    expect(fullDoc.notes).toBeUndefined();
    expect(
      fullDoc.nodes.some((n: { compiled_sql: unknown }) => n.compiled_sql),
    ).toBe(true);

    const withoutSql = await startBackend(
      permission => permission !== 'dbt-erd.erd.read-sql',
    );
    const bare = await withoutSql.erd('a-run', 'default', '?format=json');
    expect(bare.status).toBe(200);
    expect(bare.headers['dbt-erd-omitted']).toBe('compiled_sql');
    const doc = JSON.parse(bare.text);
    expect(doc.notes).toEqual([
      expect.stringContaining('dbt-erd.erd.read-sql'),
    ]);
    expect(doc.nodes.length).toBe(fullDoc.nodes.length);
    expect(
      doc.nodes.every(
        (n: { compiled_sql: unknown }) => n.compiled_sql === null,
      ),
    ).toBe(true);
    expect(bare.text).not.toContain('select * from');
  });

  it('keeps tokens and compiled SQL out of every audit event, refusals included', async () => {
    const { erd, invoke, auditor } = await startBackend(
      (permission, resourceRef) =>
        permission !== 'dbt-erd.erd.read' ||
        resourceRef !== 'component:default/a-job',
    );
    const exported = await erd('a-run', 'default', '?format=json');
    expect(exported.status).toBe(200);
    const compiledSql: string[] = JSON.parse(exported.text)
      .nodes.map((n: { compiled_sql: string | null }) => n.compiled_sql)
      .filter(Boolean);
    expect(compiledSql.length).toBeGreaterThan(0);
    expect((await erd('b-space-run', 'b-space')).status).toBe(200);
    expect((await erd('a-run-of-b')).status).toBe(403);
    expect((await erd('b-on-a-account')).status).toBe(403);
    expect((await erd('a-job')).status).toBe(404);
    const action = await invoke('describe-table', {
      entityRef: 'component:default/a-run-of-b',
      table: 'fct_orders',
    });
    expect(action.status).toBe(403);

    const events = await auditEvents(auditor);
    expect(events.map(e => e.eventId)).toEqual(
      expect.arrayContaining([
        'erd-read-other-namespace',
        'erd-source-refused',
        'erd-read-refused',
      ]),
    );
    const text = inspect(events, { depth: null, maxStringLength: null });
    expect(text).not.toContain(TOKEN);
    for (const sql of compiledSql) expect(text).not.toContain(sql);
    expect(text).not.toMatch(/select \* from/i);
  });

  it('audits a user reading a project of another namespace', async () => {
    const { erd, auditor } = await startBackend();
    expect((await erd('b-space-run', 'b-space')).status).toBe(200);
    const events = await auditEvents(auditor);
    expect(events).toContainEqual(
      expect.objectContaining({
        eventId: 'erd-read-other-namespace',
        meta: expect.objectContaining({
          entityRef: 'component:b-space/b-space-run',
          userNamespace: 'default',
        }),
      }),
    );
  });
});
