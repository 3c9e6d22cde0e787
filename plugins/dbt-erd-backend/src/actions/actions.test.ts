import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { DEMO_TARGET } from '../__testUtils__/demoArtifacts';
import { dbtErdPlugin } from '../plugin';

const component = (name: string, annotations: Record<string, string>) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'dbt-project', lifecycle: 'production', owner: 'data' },
  } as Entity);

const demo = component('demo', {
  'getdbt.com/artifacts-location': 'local:demo',
});
const secret = component('secret', {
  'getdbt.com/artifacts-location': 'local:demo',
});
const ENTITIES = [demo, secret];

/** Who may read what: only `user:default/insider` sees `secret`, as a catalog permission policy would. */
function canRead(entity: Entity, credentials: BackstageCredentials) {
  if (entity !== secret) return true;
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef === 'user:default/insider';
}

const permissionedCatalog = catalogServiceMock.mock({
  getEntityByRef: async (ref, options) => {
    const { credentials } = options as { credentials: BackstageCredentials };
    const wanted = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
    const entity = ENTITIES.find(e => stringifyEntityRef(e) === wanted);
    return entity && canRead(entity, credentials) ? entity : undefined;
  },
});

const user = mockCredentials.user('user:default/someone');
const insider = mockCredentials.user('user:default/insider');
const entityRef = 'component:default/demo';

const features = [
  dbtErdPlugin,
  mockServices.rootConfig.factory({
    data: { dbtErd: { localProjects: [{ name: 'demo', path: DEMO_TARGET }] } },
  }),
  permissionedCatalog.factory,
];

/** The plugin started with a registry the test can invoke directly (ids `test:<name>`). */
async function startWithMockRegistry() {
  const registry = actionsRegistryServiceMock();
  await startTestBackend({
    features: [
      ...features,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  const invoke = (name: string, input: object, credentials = user) =>
    registry.invoke({ id: `test:${name}`, input: input as any, credentials });
  return { registry, invoke };
}

describe('dbt-erd actions', () => {
  it('registers three read-only, idempotent actions', async () => {
    const { registry } = await startWithMockRegistry();
    const { actions } = await registry.list();
    expect(actions.map(a => a.name).sort()).toEqual([
      'describe-table',
      'find-join-path',
      'get-erd-summary',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
    }
  });

  it('get-erd-summary: source, counts and tables with schema and relationship counts, no columns', async () => {
    const { invoke } = await startWithMockRegistry();
    const { output } = (await invoke('get-erd-summary', { entityRef })) as any;
    expect(output.entityRef).toBe('component:default/demo');
    expect(output.source).toEqual({ kind: 'local', name: 'demo' });
    expect(output.counts.tables).toBe(output.tables.length);
    expect(output.counts.relationships).toBeGreaterThan(0);
    const customers = output.tables.find(
      (t: any) => t.name === 'dim_customers',
    );
    expect(customers).toMatchObject({
      id: 'model.acme_analytics.dim_customers',
      resourceType: 'model',
      schema: expect.any(String),
    });
    // fct_orders, fct_subscriptions and customer_lifetime_value reference it.
    expect(customers.relationships).toBeGreaterThanOrEqual(3);
    expect(customers.columns).toBeUndefined();
    expect(output.warnings).toEqual(expect.any(Array));
  });

  it('describe-table: columns (name, type, description, keys) and relationships both ways', async () => {
    const { invoke } = await startWithMockRegistry();
    const { output } = (await invoke('describe-table', {
      entityRef,
      table: 'dim_customers',
    })) as any;
    expect(output.id).toBe('model.acme_analytics.dim_customers');
    expect(output.columns).toContainEqual({
      name: 'customer_id',
      type: 'integer',
      description: 'Primary key of the customer.',
      primaryKey: false,
      foreignKey: false,
    });
    expect(output.relationships).toContainEqual(
      expect.objectContaining({
        direction: 'referencedBy',
        otherTable: 'model.acme_analytics.fct_orders',
        columns: ['customer_id'],
        otherColumns: ['customer_id'],
        inferred: false,
      }),
    );
    expect(output.exposures).toEqual(['weekly_revenue_dashboard']);
    expect(output.catalogLinks).toEqual([
      {
        entityRef: 'system:default/analytics',
        relation: 'exposure',
        via: 'weekly_revenue_dashboard',
      },
      {
        entityRef: 'group:default/data-platform',
        relation: 'owner',
        via: 'meta.owner',
      },
    ]);
    const byId = (await invoke('describe-table', {
      entityRef,
      table: 'model.acme_analytics.fct_orders',
    })) as any;
    expect(byId.output.catalogLinks).toEqual([
      {
        entityRef: 'system:default/analytics',
        relation: 'exposure',
        via: 'weekly_revenue_dashboard',
      },
    ]);
    expect(byId.output.relationships).toContainEqual(
      expect.objectContaining({
        direction: 'references',
        otherTable: 'model.acme_analytics.dim_customers',
      }),
    );
  });

  it('describe-table: a missing table is a NotFoundError naming it', async () => {
    const { invoke } = await startWithMockRegistry();
    await expect(
      invoke('describe-table', { entityRef, table: 'no_such_table' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining("No table 'no_such_table'"),
    });
  });

  it('find-join-path: the 4-table path from fct_orders to dim_products with SQL that refs both ends', async () => {
    const { invoke } = await startWithMockRegistry();
    const { output } = (await invoke('find-join-path', {
      entityRef,
      from: 'fct_orders',
      to: 'dim_products',
    })) as any;
    expect(output.path).toEqual([
      'model.acme_analytics.fct_orders',
      'model.acme_analytics.dim_customers',
      'model.acme_analytics.fct_subscriptions',
      'model.acme_analytics.dim_products',
    ]);
    expect(output.joins[0]).toEqual({
      from_id: 'model.acme_analytics.fct_orders',
      from_columns: ['customer_id'],
      to_id: 'model.acme_analytics.dim_customers',
      to_columns: ['customer_id'],
    });
    expect(output.sql).toContain("from {{ ref('fct_orders') }} as fct_orders");
    expect(output.sql).toContain("join {{ ref('dim_products') }}");
  });

  it('find-join-path: no path says so with both components; a missing table is named', async () => {
    const { invoke } = await startWithMockRegistry();
    const { output } = (await invoke('find-join-path', {
      entityRef,
      from: 'fct_orders',
      to: 'fct_daily_revenue',
    })) as any;
    expect(output).toMatchObject({ path: [], joins: [], sql: null });
    expect(output.message).toMatch(/No chain of relationships joins/);
    await expect(
      invoke('find-join-path', { entityRef, from: 'fct_orders', to: 'nope' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining("No table 'nope'"),
    });
  });

  it('an entity the caller may not read does not exist, for every action', async () => {
    const { invoke } = await startWithMockRegistry();
    const secretRef = 'component:default/secret';
    for (const [name, input] of [
      ['get-erd-summary', { entityRef: secretRef }],
      ['describe-table', { entityRef: secretRef, table: 'fct_orders' }],
      [
        'find-join-path',
        { entityRef: secretRef, from: 'fct_orders', to: 'dim_products' },
      ],
    ] as const) {
      await expect(invoke(name, input)).rejects.toMatchObject({
        name: 'NotFoundError',
        message: 'Entity component:default/secret not found',
      });
      await expect(invoke(name, input, insider)).resolves.toBeDefined();
    }
  });

  it('a malformed entity ref is an InputError saying how to write one', async () => {
    const { invoke } = await startWithMockRegistry();
    await expect(
      invoke('get-erd-summary', { entityRef: 'not a ref/' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('kind:namespace/name'),
    });
  });

  it('lists and invokes the actions over HTTP at /api/dbt-erd/.backstage/actions/v1', async () => {
    const { server } = await startTestBackend({
      features: [...features, actionsRegistryServiceMock.factory()],
    });
    const list = await request(server).get(
      '/api/dbt-erd/.backstage/actions/v1/actions',
    );
    expect(list.status).toBe(200);
    expect(list.body.actions.map((a: { id: string }) => a.id).sort()).toEqual([
      'dbt-erd:describe-table',
      'dbt-erd:find-join-path',
      'dbt-erd:get-erd-summary',
    ]);
    const invoked = await request(server)
      .post(
        '/api/dbt-erd/.backstage/actions/v1/actions/dbt-erd:find-join-path/invoke',
      )
      .send({ entityRef, from: 'fct_orders', to: 'dim_products' });
    expect(invoked.status).toBe(200);
    expect(invoked.body.output.path).toHaveLength(4);
    const hidden = await request(server)
      .post(
        '/api/dbt-erd/.backstage/actions/v1/actions/dbt-erd:get-erd-summary/invoke',
      )
      .send({ entityRef: 'component:default/secret' });
    expect(hidden.status).toBe(404);
  });
});
