import {
  buildCatalog,
  buildManifest,
  modelId,
  modelNode,
  relationshipsTest,
  sourceNode,
} from './__testUtils__/artifacts';
import { MISSING_CATALOG_WARNING } from './artifacts/indexArtifacts';
import { buildErd } from './buildErd';
import { ErdInputError } from './errors';
import { DEFAULT_ERD_OPTIONS } from './options';
import { renderErd } from './renderErd';
import { ERD_ALGORITHMS } from './algorithms/registry';

const [rawId, raw] = sourceNode('raw', 'customers');

function artifacts() {
  return {
    manifest: buildManifest({
      nodes: [
        modelNode('orders', { description: 'Orders', schema: 'Mart' }),
        modelNode('customers', { schema: 'Mart' }),
        modelNode('empty'),
        relationshipsTest({
          from: modelId('orders'),
          to: modelId('customers'),
          column: 'customer_id',
          field: 'id',
          name: 'relationships_z',
        }),
        relationshipsTest({
          from: modelId('orders'),
          to: rawId,
          column: 'raw_id',
          name: 'relationships_a',
        }),
      ],
      sources: [[rawId, raw]],
    }),
    catalog: buildCatalog([
      {
        id: modelId('orders'),
        columns: [
          ['ID', 'int'],
          ['TOTAL', 'numeric'],
        ],
      },
      { id: modelId('customers'), columns: [['id', 'int']] },
    ]),
  };
}

describe('buildErd', () => {
  it("uses dbterd's defaults", () => {
    expect(DEFAULT_ERD_OPTIONS).toEqual({
      algo: 'test_relationship',
      select: [],
      exclude: [],
      resourceTypes: ['model'],
      entityNameFormat: 'resource.package.model',
      entityGroup: undefined,
    });
    expect(ERD_ALGORITHMS).toEqual([
      'test_relationship',
      'semantic',
      'model_contract',
      'inferred',
    ]);
  });

  it('sorts nodes by id, adds missing endpoint columns and drops relationships to unselected nodes', () => {
    const { erd, warnings } = buildErd(artifacts());
    expect(warnings).toEqual([]);
    expect(erd.nodes.map(n => n.id)).toEqual([
      modelId('customers'),
      modelId('empty'),
      modelId('orders'),
    ]);
    expect(erd.edges.map(e => e.name)).toEqual([
      expect.stringContaining('relationships_z'),
    ]);
    const orders = erd.nodes[2];
    expect(orders).toMatchObject({
      name: 'model.shop.orders',
      description: 'Orders',
      schema_name: 'mart',
      database: 'db',
    });
    expect(orders.columns).toEqual([
      {
        name: 'id',
        data_type: 'int',
        description: null,
        is_primary_key: false,
        is_foreign_key: false,
      },
      {
        name: 'total',
        data_type: 'numeric',
        description: null,
        is_primary_key: false,
        is_foreign_key: false,
      },
      {
        name: 'customer_id',
        data_type: 'unknown',
        description: null,
        is_primary_key: false,
        is_foreign_key: true,
      },
    ]);
    expect(erd.nodes[1].columns.map(c => [c.name, c.data_type])).toEqual([
      ['unknown', 'unknown'],
    ]);
    expect(erd.metadata).toEqual({
      generated_at: '2024-01-02T03:04:05.000000Z',
      dbt_project_name: 'shop',
      dbterd_version: 'latest',
    });
    expect(erd.extras?.nodeDetails[modelId('orders')]).toEqual({
      packageName: 'shop',
      relationName: 'db.Mart.orders',
      exposures: [],
    });
  });

  it('keeps relationships to sources once sources are selected, sorted by name', () => {
    const { erd } = buildErd(artifacts(), {
      resourceTypes: ['model', 'source'],
    });
    expect(erd.edges.map(e => e.to_id)).toEqual([rawId, modelId('customers')]);
  });

  it('applies selection, entity name format and groups', () => {
    const { erd } = buildErd(artifacts(), {
      select: ['schema:mart'],
      exclude: ['exact:model.shop.customers'],
      entityNameFormat: 'schema.table',
      entityGroup: 'database.schema',
    });
    expect(erd.nodes.map(n => n.name)).toEqual(['mart.orders']);
    expect(erd.edges).toEqual([]);
    expect(erd.groups).toEqual([
      { name: 'db.mart', node_ids: [modelId('orders')] },
    ]);
    expect(erd.extras?.entityGroup).toBe('database.schema');
  });

  it('marks primary keys with model_contract', () => {
    const manifest = buildManifest({
      nodes: [
        modelNode('customers', {
          columns: {
            id: { data_type: 'int', constraints: [{ type: 'primary_key' }] },
          },
        }),
      ],
    });
    const { erd, warnings } = buildErd(
      { manifest },
      { algo: 'model_contract' },
    );
    expect(warnings).toEqual([MISSING_CATALOG_WARNING]);
    expect(erd.nodes[0].columns[0]).toMatchObject({
      name: 'id',
      is_primary_key: true,
    });
  });

  it.each([
    [
      { algo: 'magic' },
      'algo "magic" is not supported; use one of test_relationship, semantic, model_contract',
    ],
    [{ algo: 'test_relationship:(oops)' }, /"oops" is not a key:value pair/],
    [{ select: ['colour:x'] }, /unsupported selection type "colour"/],
    [{ resourceTypes: ['test'] }, /resource type "test" is not supported/],
    [{ entityNameFormat: 'resource.alias' }, /unknown part "alias"/],
    [{ entityGroup: 'owner' }, /unknown attribute "owner"/],
  ])('rejects %j before reading the artifacts', (options, message) => {
    expect(() => buildErd({ manifest: null }, options)).toThrow(
      message as string | RegExp,
    );
    expect(() => buildErd({ manifest: null }, options)).toThrow(ErdInputError);
  });
});

describe('renderErd', () => {
  it('renders by target name and rejects unknown targets', () => {
    const { erd } = buildErd(artifacts());
    expect(renderErd(erd, 'mermaid').startsWith('erDiagram\n')).toBe(true);
    expect(() => renderErd(erd, 'png')).toThrow(
      'target "png" is not supported',
    );
  });
});
