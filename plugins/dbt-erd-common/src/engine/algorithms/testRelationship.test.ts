import {
  ManifestEntry,
  buildManifest,
  modelId,
  modelNode,
  relationshipsTest,
  seedNode,
  sourceNode,
} from '../__testUtils__/artifacts';
import { indexArtifacts } from '../artifacts/indexArtifacts';
import { ErdInputError } from '../errors';
import { isIgnoredInErd, testRelationshipAlgorithm } from './testRelationship';

const ORDERS = modelId('orders');
const CUSTOMERS = modelId('customers');

function find(
  nodes: ManifestEntry[],
  algo = 'test_relationship',
  sources: ManifestEntry[] = [],
) {
  const index = indexArtifacts({
    manifest: buildManifest({ nodes, sources }),
    catalog: {},
  });
  return testRelationshipAlgorithm.findRelationships(index, { algo })
    .relationships;
}

const ends = (relationships: ReturnType<typeof find>) =>
  relationships.map(
    r => `${r.fromId}.${r.fromColumns} -> ${r.toId}.${r.toColumns}`,
  );

describe('test_relationship', () => {
  const tables = [modelNode('orders'), modelNode('customers')];

  it('reads a relationships test as FK column -> referenced column, many-to-one', () => {
    const [relationship] = find([
      ...tables,
      relationshipsTest({
        from: ORDERS,
        to: CUSTOMERS,
        column: 'Customer_ID',
        field: '"ID"',
      }),
    ]);
    expect(relationship).toMatchObject({
      fromId: ORDERS,
      toId: CUSTOMERS,
      fromColumns: ['customer_id'],
      toColumns: ['id'],
      cardinality: 'n1',
      label: null,
    });
    expect(relationship.name).toMatch(/^test\.shop\.relationships_orders/);
  });

  it('takes the direction from attached_node, whatever the depends_on order', () => {
    const test = relationshipsTest({
      from: ORDERS,
      to: CUSTOMERS,
      column: 'customer_id',
      dependsOn: [ORDERS, CUSTOMERS],
    });
    expect(ends(find([...tables, test]))).toEqual([
      `${ORDERS}.customer_id -> ${CUSTOMERS}.id`,
    ]);
  });

  it('falls back to the model kwarg, then to the to kwarg, without attached_node', () => {
    const byModel = relationshipsTest({
      from: ORDERS,
      to: CUSTOMERS,
      column: 'c',
      attachedNode: null,
      dependsOn: [ORDERS, CUSTOMERS],
    });
    expect(ends(find([...tables, byModel]))).toEqual([
      `${ORDERS}.c -> ${CUSTOMERS}.id`,
    ]);
    const byTo = relationshipsTest({
      from: ORDERS,
      to: CUSTOMERS,
      column: 'c',
      attachedNode: null,
      dependsOn: [ORDERS, CUSTOMERS],
      kwargs: { column_name: 'c', field: 'id', to: "ref('customers')" },
    });
    expect(ends(find([...tables, byTo]))).toEqual([
      `${ORDERS}.c -> ${CUSTOMERS}.id`,
    ]);
  });

  it("resolves ref('package', 'model'), source('s', 't') and versioned refs", () => {
    const [rawId, raw] = sourceNode('raw', 'customers');
    const v2 = modelNode('customers', {
      extra: { unique_id: 'model.shop.customers.v2', version: 2 },
    });
    v2[0] = 'model.shop.customers.v2';
    const tests = [
      relationshipsTest({
        from: ORDERS,
        to: CUSTOMERS,
        column: 'a',
        attachedNode: null,
        dependsOn: [ORDERS, CUSTOMERS],
        kwargs: {
          column_name: 'a',
          field: 'id',
          to: "ref('shop', 'customers')",
        },
      }),
      relationshipsTest({
        from: ORDERS,
        to: rawId,
        column: 'b',
        attachedNode: null,
        dependsOn: [ORDERS, rawId],
        kwargs: {
          column_name: 'b',
          field: 'id',
          to: "source('raw', 'customers')",
        },
      }),
      relationshipsTest({
        from: ORDERS,
        to: 'model.shop.customers.v2',
        column: 'c',
        dependsOn: [CUSTOMERS, 'model.shop.customers.v2', ORDERS],
        toExpression: "ref('customers', v=2)",
      }),
    ];
    const found = find([...tables, v2, ...tests], 'test_relationship', [
      [rawId, raw],
    ]);
    expect(ends(found)).toEqual([
      `${ORDERS}.a -> ${CUSTOMERS}.id`,
      `${ORDERS}.b -> ${rawId}.id`,
      `${ORDERS}.c -> model.shop.customers.v2.id`,
    ]);
  });

  it('reads a test depending on one node as a self reference', () => {
    const test = relationshipsTest({
      from: modelId('employees'),
      to: modelId('employees'),
      column: 'manager_id',
      dependsOn: [modelId('employees')],
    });
    expect(ends(find([modelNode('employees'), test]))).toEqual([
      'model.shop.employees.manager_id -> model.shop.employees.id',
    ]);
  });

  it('maps meta.relationship_type to cardinality and reads meta.relationship_label', () => {
    const types: Array<[string | undefined, string]> = [
      ['one-to-many', '1n'],
      ['zero-to-many', '0n'],
      ['zero-to-one', '01'],
      ['One-To-One', '11'],
      ['many-to-many', 'nn'],
      ['many-to-one', 'n1'],
      [undefined, 'n1'],
    ];
    for (const [relationshipType, cardinality] of types) {
      const [relationship] = find([
        ...tables,
        relationshipsTest({
          from: ORDERS,
          to: CUSTOMERS,
          meta: {
            relationship_type: relationshipType,
            relationship_label: 'placed by',
          },
        }),
      ]);
      expect(relationship.cardinality).toBe(cardinality);
      expect(relationship.label).toBe('placed by');
    }
  });

  it('skips tests with meta.ignore_in_erd', () => {
    const found = find([
      ...tables,
      relationshipsTest({
        from: ORDERS,
        to: CUSTOMERS,
        column: 'a',
        meta: { ignore_in_erd: 1 },
      }),
      relationshipsTest({
        from: ORDERS,
        to: CUSTOMERS,
        column: 'b',
        meta: { ignore_in_erd: '0' },
      }),
      relationshipsTest({
        from: ORDERS,
        to: CUSTOMERS,
        column: 'c',
        meta: { ignore_in_erd: true },
      }),
    ]);
    expect(found.map(r => r.fromColumns[0])).toEqual(['b']);
    expect([1, '1', true, 'yes'].map(isIgnoredInErd)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      [undefined, null, 0, '0', false, 'false'].map(isIgnoredInErd),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('keeps the first of duplicate relationships', () => {
    const found = find([
      ...tables,
      relationshipsTest({
        from: ORDERS,
        to: CUSTOMERS,
        column: 'a',
        name: 'relationships_first',
      }),
      relationshipsTest({
        from: ORDERS,
        to: CUSTOMERS,
        column: 'a',
        name: 'relationships_second',
      }),
    ]);
    expect(found.map(r => r.name)).toEqual([
      expect.stringContaining('relationships_first'),
    ]);
  });

  it('reads a custom rule, joining plural kwargs with _and_', () => {
    const fk = relationshipsTest({
      from: ORDERS,
      to: CUSTOMERS,
      name: 'dbt_constraints_foreign_key_orders',
      kwargs: {
        fk_column_names: ['Customer_ID', 'Region'],
        pk_column_names: ['id', 'region'],
        pk_table_name: "ref('customers')",
      },
      dependsOn: [ORDERS, CUSTOMERS],
      attachedNode: null,
    });
    const found = find(
      [...tables, fk, relationshipsTest({ from: ORDERS, to: CUSTOMERS })],
      'test_relationship:(name:foreign_key|c_from:fk_column_name|c_to:pk_column_name|t_to:pk_table_name)',
    );
    expect(ends(found)).toEqual([
      `${ORDERS}.customer_id_and_region -> ${CUSTOMERS}.id_and_region`,
    ]);
  });

  it('prints unknown for a column kwarg the test lacks', () => {
    const test = relationshipsTest({
      from: ORDERS,
      to: CUSTOMERS,
      kwargs: { to: "ref('customers')" },
    });
    expect(find([...tables, test])[0]).toMatchObject({
      fromColumns: ['unknown'],
      toColumns: ['unknown'],
    });
  });

  it('validates the rule syntax', () => {
    const validate = (algo: string) => () =>
      testRelationshipAlgorithm.validate!({ algo });
    expect(
      validate('test_relationship:(name:foreign_key|c_from:fk)'),
    ).not.toThrow();
    expect(validate('test_relationship:name:foreign_key')).toThrow(
      ErdInputError,
    );
    expect(validate('test_relationship:(name=foreign_key)')).toThrow(
      /"name=foreign_key" is not a key:value pair/,
    );
    expect(validate('test_relationship:(table:x)')).toThrow(
      /"table" is not a rule key/,
    );
  });

  it('ignores seeds and sources only through selection, not here', () => {
    const test = relationshipsTest({
      from: ORDERS,
      to: 'seed.shop.countries',
      column: 'country',
    });
    expect(ends(find([...tables, seedNode('countries'), test]))).toEqual([
      `${ORDERS}.country -> seed.shop.countries.id`,
    ]);
  });
});
