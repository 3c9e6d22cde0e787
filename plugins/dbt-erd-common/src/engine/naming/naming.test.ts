import { erdColumn, erdNode } from '../__testUtils__/erd';
import { IndexedNode } from '../artifacts/types';
import { ErdInputError } from '../errors';
import { groupNodes, validateEntityGroup } from './entityGroup';
import { entityName, validateEntityNameFormat } from './entityName';

const node = (
  uniqueId: string,
  extra: Partial<IndexedNode> = {},
): IndexedNode => ({
  uniqueId,
  resourceType: 'model',
  packageName: 'shop',
  name: 'orders',
  database: 'Analytics',
  schema: 'Mart',
  tableName: 'FCT_Orders',
  relationName: null,
  description: '',
  compiledSql: null,
  modelSql: null,
  dependsOn: [],
  tags: [],
  fqn: [],
  originalFilePath: '',
  group: null,
  access: null,
  config: {},
  columns: [],
  exposures: [],
  meta: {
    label: null,
    relationshipLabel: null,
    relationshipLabels: {},
    relationshipTypes: {},
  },
  constraints: [],
  ...extra,
});

describe('entityName', () => {
  it.each([
    ['resource.package.model', 'model.shop.orders'],
    ['model', 'orders'],
    ['table', 'fct_orders'],
    ['database.schema.table', 'analytics.mart.fct_orders'],
    ['Schema.Table', 'mart.fct_orders'],
    ['package.model', 'shop.orders'],
  ])('%s -> %s', (format, expected) => {
    expect(entityName(node('model.shop.orders'), format)).toBe(expected);
  });

  it('names a source by its source name as the model part, like dbterd', () => {
    expect(
      entityName(
        node('source.shop.raw.customers', { tableName: 'CUSTOMERS' }),
        'resource.model.table',
      ),
    ).toBe('source.raw.customers');
  });

  it('prints KEYNOTFOUND for an empty part and rejects unknown parts', () => {
    expect(
      entityName(node('model.shop.orders', { database: '' }), 'database.table'),
    ).toBe('KEYNOTFOUND.fct_orders');
    expect(() => validateEntityNameFormat('resource.alias')).toThrow(
      new ErdInputError(
        'entity name format "resource.alias": unknown part "alias"; join any of resource, package, model, database, schema, table with dots',
      ),
    );
  });
});

describe('groupNodes', () => {
  const nodes = [
    erdNode('model.shop.a', [erdColumn('id')], {
      database: 'db',
      schema_name: 'mart',
    }),
    erdNode('model.shop.b', [erdColumn('id')], {
      database: 'db',
      schema_name: 'staging',
    }),
    erdNode('source.shop.raw.c', [erdColumn('id')], {
      database: 'db',
      schema_name: 'mart',
      resource_type: 'source',
    }),
  ];

  it('groups by joined attributes in first-seen order', () => {
    expect(groupNodes(nodes, 'database.schema')).toEqual([
      { name: 'db.mart', node_ids: ['model.shop.a', 'source.shop.raw.c'] },
      { name: 'db.staging', node_ids: ['model.shop.b'] },
    ]);
    expect(groupNodes(nodes, 'resource_type')).toEqual([
      { name: 'model', node_ids: ['model.shop.a', 'model.shop.b'] },
      { name: 'source', node_ids: ['source.shop.raw.c'] },
    ]);
  });

  it('prints a missing value as None, like dbterd', () => {
    expect(groupNodes(nodes.slice(0, 1), 'label')).toEqual([
      { name: 'None', node_ids: ['model.shop.a'] },
    ]);
  });

  it('rejects unknown attributes', () => {
    expect(() => validateEntityGroup('database.owner')).toThrow(
      /entity group "database.owner": unknown attribute "owner"/,
    );
    expect(() => validateEntityGroup('constructor')).toThrow(ErdInputError);
  });
});
