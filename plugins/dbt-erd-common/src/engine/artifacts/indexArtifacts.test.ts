import {
  buildCatalog,
  buildManifest,
  exposure,
  modelId,
  modelNode,
  seedNode,
  semanticModel,
  sourceNode,
} from '../__testUtils__/artifacts';
import { ErdInputError } from '../errors';
import { MISSING_CATALOG_WARNING, indexArtifacts } from './indexArtifacts';

const columnsOf = (index: ReturnType<typeof indexArtifacts>, id: string) =>
  index.nodes.find(n => n.uniqueId === id)!.columns;

describe('indexArtifacts columns', () => {
  it('takes catalog columns first, lower-cased, comment as description', () => {
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [
          modelNode('orders', { columns: { id: { description: 'doc' } } }),
        ],
      }),
      catalog: buildCatalog([
        {
          id: modelId('orders'),
          columns: [
            ['ID', 'NUMBER', 'the key'],
            ['Total', 'Numeric(10, 2)'],
          ],
        },
      ]),
    });
    expect(columnsOf(index, modelId('orders'))).toEqual([
      { name: 'id', dataType: 'number', description: 'the key' },
      { name: 'total', dataType: 'numeric(10, 2)', description: '' },
    ]);
  });

  it('appends documented columns the catalog lacks, with their type or unknown', () => {
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [
          modelNode('orders', {
            columns: {
              id: {},
              Customer_ID: { data_type: 'BIGINT', description: 'who' },
              note: { data_type: null },
            },
          }),
        ],
      }),
      catalog: buildCatalog([
        { id: modelId('orders'), columns: [['id', 'integer']] },
      ]),
    });
    expect(columnsOf(index, modelId('orders'))).toEqual([
      { name: 'id', dataType: 'integer', description: '' },
      { name: 'customer_id', dataType: 'bigint', description: 'who' },
      { name: 'note', dataType: 'unknown', description: '' },
    ]);
  });

  it('fills an empty catalog comment with the documented description', () => {
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [
          modelNode('orders', {
            columns: { ID: { description: 'documented' } },
          }),
        ],
      }),
      catalog: buildCatalog([
        { id: modelId('orders'), columns: [['ID', 'int', '']] },
      ]),
    });
    expect(columnsOf(index, modelId('orders'))[0].description).toBe(
      'documented',
    );
  });

  it('unquotes quoted column names', () => {
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [
          modelNode('orders', {
            columns: { '"Order Id"': { data_type: 'int' } },
          }),
        ],
      }),
      catalog: buildCatalog([
        { id: modelId('orders'), columns: [['"Amount"', 'int']] },
      ]),
    });
    expect(columnsOf(index, modelId('orders')).map(c => c.name)).toEqual([
      'amount',
      'order id',
    ]);
  });

  it('matches upper-case catalog keys (Snowflake) case-insensitively', () => {
    const index = indexArtifacts({
      manifest: buildManifest({ nodes: [modelNode('orders')] }),
      catalog: buildCatalog([
        { id: 'MODEL.SHOP.ORDERS', columns: [['ORDER_ID', 'TEXT']] },
      ]),
    });
    expect(columnsOf(index, modelId('orders'))).toEqual([
      { name: 'order_id', dataType: 'text', description: '' },
    ]);
  });

  it('matches a catalog entry by relation name when no key matches', () => {
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [
          modelNode('orders', {
            database: 'Analytics',
            schema: 'Mart',
            alias: 'fct_orders',
          }),
        ],
      }),
      catalog: buildCatalog([
        {
          id: 'model.other_project.renamed',
          columns: [['id', 'int']],
          database: 'ANALYTICS',
          schema: 'MART',
          name: 'FCT_ORDERS',
        },
      ]),
    });
    expect(columnsOf(index, modelId('orders'))).toEqual([
      { name: 'id', dataType: 'int', description: '' },
    ]);
  });

  it('reads sources from the catalog sources section', () => {
    const [id, source] = sourceNode('raw', 'customers', {
      identifier: 'RAW_CUSTOMERS',
    });
    const index = indexArtifacts({
      manifest: buildManifest({ sources: [[id, source]] }),
      catalog: buildCatalog([{ id, columns: [['ID', 'INT']] }]),
    });
    const node = index.nodes.find(n => n.uniqueId === id)!;
    expect(node.tableName).toBe('RAW_CUSTOMERS');
    expect(node.columns).toEqual([
      { name: 'id', dataType: 'int', description: '' },
    ]);
  });

  it('warns when the catalog is missing and keeps manifest columns', () => {
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [modelNode('orders', { columns: { id: { data_type: 'int' } } })],
      }),
    });
    expect(index.warnings).toContain(MISSING_CATALOG_WARNING);
    expect(MISSING_CATALOG_WARNING).toBe(
      'catalog.json missing: column types are unknown; run `dbt docs generate`',
    );
    expect(columnsOf(index, modelId('orders'))).toEqual([
      { name: 'id', dataType: 'int', description: '' },
    ]);
  });

  it('accepts an empty or partial catalog without warning', () => {
    for (const catalog of [{}, { nodes: {} }, buildCatalog([])]) {
      const index = indexArtifacts({
        manifest: buildManifest({ nodes: [modelNode('orders')] }),
        catalog,
      });
      expect(index.warnings).toEqual([]);
      expect(columnsOf(index, modelId('orders'))).toEqual([]);
    }
  });
});

describe('indexArtifacts nodes', () => {
  it('indexes models, seeds, snapshots and sources with their exposures', () => {
    const [sourceId, source] = sourceNode('raw', 'customers');
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [modelNode('orders'), seedNode('countries')],
        sources: [[sourceId, source]],
        exposures: [
          exposure('dashboard', [modelId('orders')]),
          exposure('report', [modelId('orders')]),
        ],
      }),
      catalog: {},
    });
    expect(index.nodes.map(n => [n.uniqueId, n.resourceType])).toEqual([
      ['model.shop.orders', 'model'],
      ['seed.shop.countries', 'seed'],
      ['source.shop.raw.customers', 'source'],
    ]);
    expect(index.nodes[0].exposures).toEqual(['dashboard', 'report']);
    expect(index.nodes[0].packageName).toBe('shop');
  });

  it('reads compiled code by manifest version, and a stub select for seeds', () => {
    const v6 = indexArtifacts({
      manifest: buildManifest({
        version: 6,
        nodes: [
          modelNode('orders', {
            compiled_code: undefined,
            extra: { compiled_sql: 'select 1' },
          }),
        ],
      }),
      catalog: {},
    });
    expect(v6.nodes[0].compiledSql).toBe('select 1');
    const seeds = indexArtifacts({
      manifest: buildManifest({
        nodes: [seedNode('countries', { columns: { code: {}, name: {} } })],
      }),
      catalog: {},
    });
    expect(seeds.nodes[0].compiledSql).toBe(
      'select\n            code,\n            name\n        from db.main.undefined',
    );
  });

  it('reads model and column constraints', () => {
    const index = indexArtifacts({
      manifest: buildManifest({
        nodes: [
          modelNode('orders', {
            columns: {
              customer_id: {
                meta: { relationship_type: 'one-to-one' },
                constraints: [
                  {
                    type: 'foreign_key',
                    name: 'fk',
                    to: 'db.main.customers',
                    to_columns: ['id'],
                  },
                ],
              },
            },
            constraints: [{ type: 'primary_key', columns: ['id'] }],
          }),
        ],
      }),
      catalog: {},
    });
    expect(index.nodes[0].constraints).toEqual([
      {
        level: 'column',
        column: 'customer_id',
        type: 'foreign_key',
        name: 'fk',
        to: 'db.main.customers',
        toColumns: ['id'],
        columns: [],
        columnRelationshipType: 'one-to-one',
      },
      {
        level: 'model',
        column: null,
        type: 'primary_key',
        name: null,
        to: null,
        toColumns: [],
        columns: ['id'],
        columnRelationshipType: null,
      },
    ]);
  });

  it('reads semantic models only when the manifest has them', () => {
    const without = indexArtifacts({
      manifest: buildManifest({ version: 9 }),
      catalog: {},
    });
    expect(without.semanticModels).toBeUndefined();
    const withModels = indexArtifacts({
      manifest: buildManifest({
        semanticModels: [
          semanticModel('orders', modelId('orders'), [
            { name: 'order', type: 'primary', expr: 'id' },
          ]),
        ],
      }),
      catalog: {},
    });
    expect(withModels.semanticModels).toEqual([
      {
        uniqueId: 'semantic_model.shop.orders',
        dependsOn: [modelId('orders')],
        entities: [{ name: 'order', type: 'primary', expr: 'id' }],
        primaryEntity: null,
        relationshipType: null,
      },
    ]);
  });
});

describe('indexArtifacts versions', () => {
  it('reads a dbt Fusion v20 manifest with null metadata and node fields', () => {
    const manifest = buildManifest({
      version: 20,
      metadata: {
        generated_at: null,
        project_name: null,
        user_id: null,
        invocation_id: null,
      },
      nodes: [
        modelNode('orders', {
          database: null,
          schema: null,
          description: null,
          meta: undefined,
          relation_name: null,
          columns: {
            id: {
              description: null,
              data_type: null,
              meta: undefined,
              constraints: undefined,
            },
          },
          extra: {
            meta: null,
            config: { meta: { label: 'Orders' } },
            depends_on: { nodes: null },
          },
        }),
      ],
    });
    const index = indexArtifacts({
      manifest,
      catalog: { metadata: {}, nodes: null, sources: null },
    });
    expect(index.manifestVersion).toBe(20);
    expect(index.generatedAt).toBe('');
    expect(index.projectName).toBe('');
    expect(index.warnings).toEqual([]);
    const [node] = index.nodes;
    expect(node).toMatchObject({
      database: '',
      schema: '',
      description: '',
      relationName: null,
    });
    expect(node.meta.label).toBe('Orders');
    expect(node.columns).toEqual([
      { name: 'id', dataType: 'unknown', description: '' },
    ]);
  });

  it('refuses manifests older than v4 and warns on unknown newer ones', () => {
    expect(() =>
      indexArtifacts({ manifest: buildManifest({ version: 3 }) }),
    ).toThrow(
      /manifest\.json: metadata\.dbt_schema_version is v3, which is not supported/,
    );
    expect(
      indexArtifacts({ manifest: buildManifest({ version: 13 }), catalog: {} })
        .warnings,
    ).toEqual([
      expect.stringContaining('schema v13 is newer than the engine knows'),
    ]);
    expect(
      indexArtifacts({
        manifest: buildManifest({ version: null }),
        catalog: {},
      }).warnings,
    ).toEqual([
      expect.stringContaining('metadata.dbt_schema_version is missing'),
    ]);
  });
});

describe('indexArtifacts errors', () => {
  it('names the file and field of a missing required field', () => {
    const manifest = buildManifest();
    delete manifest.nodes;
    expect(() => indexArtifacts({ manifest })).toThrow(
      new ErdInputError(
        'manifest.json: nodes is missing; pass the manifest.json written by dbt, unmodified',
      ),
    );
  });

  it('names the file and field of a value of the wrong shape', () => {
    const [id, node] = modelNode('x');
    node.columns = ['id'];
    let error: unknown;
    try {
      indexArtifacts({ manifest: buildManifest({ nodes: [[id, node]] }) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ErdInputError);
    expect((error as Error).name).toBe('ErdInputError');
    expect((error as Error).message).toBe(
      'manifest.json: nodes.model.shop.x.columns must be an object; pass the manifest.json written by dbt, unmodified',
    );
  });

  it('rejects documents that are not objects', () => {
    expect(() => indexArtifacts({ manifest: [] })).toThrow(
      /manifest\.json: the document must be a JSON object/,
    );
    expect(() =>
      indexArtifacts({ manifest: buildManifest(), catalog: 'x' }),
    ).toThrow(/catalog\.json: the document must be a JSON object/);
    expect(() =>
      indexArtifacts({ manifest: buildManifest(), catalog: { nodes: [] } }),
    ).toThrow('catalog.json: nodes must be an object');
  });
});
