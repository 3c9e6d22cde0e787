import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the test runs the real dbt-erd backend that the collator calls
import dbtErdPlugin from 'backstage-plugin-dbt-erd-backend';
import { resolve } from 'path';
import { DbtTableDocument } from './DbtTableDocument';
import { searchModuleDbtErd } from './module';

/** The dev app's demo dbt project (examples/dbt/target). */
const DEMO_TARGET = resolve(__dirname, '../../../examples/dbt/target');

const component = (
  name: string,
  annotations: Record<string, string>,
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', title, annotations },
  spec: { type: 'dbt-project', lifecycle: 'production', owner: 'data' },
});

const ENTITIES = [
  component(
    'acme-analytics-dbt',
    { 'getdbt.com/artifacts-location': 'local:demo' },
    'Acme analytics',
  ),
  component('broken', { 'getdbt.com/artifacts-location': 'local:missing' }),
  component('not-dbt', {}),
];

async function collect(searchConfig: object = {}) {
  const collators: RegisterCollatorParameters[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        searchIndexRegistryExtensionPoint,
        {
          addCollator: (c: RegisterCollatorParameters) => collators.push(c),
          addDecorator: () => {},
        },
      ],
    ],
    features: [
      dbtErdPlugin,
      searchModuleDbtErd,
      mockServices.rootConfig.factory({
        data: {
          dbtErd: { localProjects: [{ name: 'demo', path: DEMO_TARGET }] },
          search: { collators: { dbtErd: searchConfig } },
        },
      }),
      catalogServiceMock.factory({ entities: ENTITIES }),
    ],
  });
  expect(collators).toHaveLength(1);
  const documents: DbtTableDocument[] = [];
  for await (const document of await collators[0].factory.getCollator()) {
    documents.push(document);
  }
  return { factory: collators[0].factory, documents };
}

describe('search module dbt-erd', () => {
  it('indexes one dbt-table document per table of the demo project, deep-linked to the focused tab', async () => {
    const { factory, documents } = await collect();
    expect(factory.type).toBe('dbt-table');
    expect(factory.visibilityPermission?.name).toBe('catalog.entity.read');
    expect(documents.length).toBeGreaterThanOrEqual(8);
    expect(new Set(documents.map(d => d.entityRef))).toEqual(
      new Set(['component:default/acme-analytics-dbt']),
    );

    const products = documents.find(d => d.title === 'dim_products')!;
    expect(products).toMatchObject({
      tableId: 'model.acme_analytics.dim_products',
      location:
        '/catalog/default/component/acme-analytics-dbt/dbt-erd?focus=model.acme_analytics.dim_products',
      entityRef: 'component:default/acme-analytics-dbt',
      entityTitle: 'Acme analytics',
      resourceType: 'model',
      schema: expect.any(String),
      authorization: { resourceRef: 'component:default/acme-analytics-dbt' },
    });
    expect(products.columns).toContain('roast_level');
    expect(products.text).toContain('roast_level');
  });

  it('finds the product tables by a column name, as the search page would', async () => {
    const { documents } = await collect();
    const withRoastLevel = documents
      .filter(d => d.text.includes('roast_level'))
      .map(d => d.title)
      .sort();
    expect(withRoastLevel).toEqual(
      expect.arrayContaining(['dim_products', 'stg_products']),
    );
  });

  it('indexes only the configured entities, with the configured entity page', async () => {
    const { documents } = await collect({
      entities: ['component:default/acme-analytics-dbt'],
      locationTemplate: '/projects/:name',
    });
    expect(documents[0].location).toMatch(
      /^\/projects\/acme-analytics-dbt\/dbt-erd\?focus=/,
    );
    const none = await collect({ entities: ['component:default/not-dbt'] });
    expect(none.documents).toEqual([]);
  });
});
