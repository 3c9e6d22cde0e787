import { buildErd, ErdNode } from 'backstage-plugin-dbt-erd-common';
import { appliedStateToArtifacts } from './appliedStateToArtifacts';
import { SHOP_APPLIED_STATE } from './appliedStateFixture';
import { DbtCloudAppliedState } from './types';

const state: DbtCloudAppliedState = {
  environmentId: 7,
  pages: 1,
  warnings: [],
  ...SHOP_APPLIED_STATE,
};

const columnsOf = (node: ErdNode | undefined) =>
  node?.columns.map(c => [c.name, c.data_type, c.description]);

describe('appliedStateToArtifacts', () => {
  it('draws the models with their catalog columns and the relationships test', () => {
    const { erd, warnings } = buildErd(appliedStateToArtifacts(state));
    expect(warnings).toEqual([]);
    const byId = new Map(erd.nodes.map(n => [n.id, n]));

    expect([...byId.keys()]).toEqual([
      'model.shop.customers',
      'model.shop.orders',
      'model.shop.stg_payments',
    ]);
    expect(byId.get('model.shop.customers')).toMatchObject({
      name: 'model.shop.customers',
      description: 'One row per customer',
      database: 'analytics',
      schema_name: 'marts',
      resource_type: 'model',
      compiled_sql: null,
    });
    expect(columnsOf(byId.get('model.shop.customers'))).toEqual([
      ['id', 'number', 'Customer key'],
      ['name', 'text', null],
    ]);
    expect(columnsOf(byId.get('model.shop.orders'))).toEqual([
      ['id', 'number', null],
      ['customer_id', 'number', null],
    ]);
    // No catalog: dbterd's single placeholder column.
    expect(columnsOf(byId.get('model.shop.stg_payments'))).toEqual([
      ['unknown', 'unknown', null],
    ]);
    expect(erd.extras?.nodeDetails?.['model.shop.orders']?.exposures).toEqual([
      'weekly_report',
    ]);

    expect(erd.edges).toHaveLength(1);
    expect(erd.edges[0]).toMatchObject({
      from_id: 'model.shop.orders',
      to_id: 'model.shop.customers',
      from_columns: ['customer_id'],
      to_columns: ['id'],
      cardinality: 'n1',
    });
  });

  it('uses alias, and the source name, as the table name', () => {
    const { erd } = buildErd(appliedStateToArtifacts(state), {
      resourceTypes: ['model', 'source'],
      entityNameFormat: 'schema.table',
    });
    expect(erd.nodes.map(n => n.name)).toEqual([
      'marts.customers',
      'marts.fct_orders',
      'staging.stg_payments',
      'shop.orders',
    ]);
    const source = erd.nodes.find(n => n.id === 'source.shop.raw.orders');
    expect(source?.compiled_sql).toBeNull();
    expect(columnsOf(source)).toEqual([['order_id', 'varchar', null]]);
  });

  it('links semantic models by entity with algo semantic', () => {
    const { erd, warnings } = buildErd(appliedStateToArtifacts(state), {
      algo: 'semantic',
    });
    expect(warnings).toEqual([]);
    expect(erd.edges).toHaveLength(1);
    expect(erd.edges[0]).toMatchObject({
      name: 'semantic_model.shop.customers',
      from_id: 'model.shop.orders',
      to_id: 'model.shop.customers',
      from_columns: ['customer'],
      to_columns: ['customer'],
    });
  });

  it('writes a v12 manifest with test nodes the engine can read', () => {
    const { manifest, catalog } = appliedStateToArtifacts(state);
    expect(manifest.metadata.dbt_schema_version).toMatch(/\/v12\.json$/);
    const relationshipsId = state.tests[0].uniqueId;
    expect(manifest.nodes[relationshipsId]).toEqual({
      unique_id: relationshipsId,
      resource_type: 'test',
      column_name: 'customer_id',
      meta: {},
      test_metadata: {
        name: 'relationships',
        kwargs: {
          to: "ref('customers')",
          field: 'id',
          column_name: 'customer_id',
        },
      },
      // dbterd's [to, from] order.
      depends_on: { nodes: ['model.shop.customers', 'model.shop.orders'] },
    });
    expect(manifest.nodes['test.shop.not_null_orders_id.1b2c3d']).toMatchObject(
      { attached_node: 'model.shop.orders', meta: {} },
    );
    expect(
      manifest.exposures['exposure.shop.weekly_report'].depends_on,
    ).toEqual({ nodes: ['model.shop.orders'] });
    expect(Object.keys(catalog.nodes)).toEqual([
      'model.shop.customers',
      'model.shop.orders',
    ]);
    expect(Object.keys(catalog.sources)).toEqual(['source.shop.raw.orders']);
  });

  it('draws a self-referencing relationship from a single-parent test', () => {
    const selfRef: DbtCloudAppliedState = {
      ...state,
      tests: [
        {
          uniqueId: 'test.shop.relationships_customers_referrer_id__id.9f',
          columnName: 'referrer_id',
          testMetadata: {
            name: 'relationships',
            kwargs: JSON.stringify({ to: "ref('customers')", field: 'id' }),
          },
          parents: [
            { uniqueId: 'model.shop.customers', resourceType: 'model' },
            { uniqueId: 'macro.dbt.test_relationships', resourceType: 'macro' },
          ],
        },
      ],
    };
    const { erd } = buildErd(appliedStateToArtifacts(selfRef));
    expect(erd.edges).toEqual([
      expect.objectContaining({
        from_id: 'model.shop.customers',
        to_id: 'model.shop.customers',
        from_columns: ['referrer_id'],
        to_columns: ['id'],
      }),
    ]);
    // Relationship columns missing from the catalog are added as unknown.
    expect(
      columnsOf(erd.nodes.find(n => n.id === 'model.shop.customers')),
    ).toContainEqual(['referrer_id', 'unknown', null]);
  });

  it('skips tests without test metadata and honours ignore_in_erd', () => {
    const { erd } = buildErd(
      appliedStateToArtifacts({
        ...state,
        tests: [
          { ...state.tests[0], meta: { ignore_in_erd: 1 } },
          {
            uniqueId: 'test.shop.relationships_singular.x',
            testMetadata: null,
            parents: state.tests[0].parents,
          },
        ],
      }),
    );
    expect(erd.edges).toEqual([]);
  });
});
