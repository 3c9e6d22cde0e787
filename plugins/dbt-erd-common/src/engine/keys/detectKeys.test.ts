import {
  buildManifest,
  modelId,
  modelNode,
  sourceNode,
} from '../__testUtils__/artifacts';
import { genericTest, primaryKeyTests } from '../__testUtils__/keyTests';
import { indexArtifacts } from '../artifacts/indexArtifacts';
import { buildErd } from '../buildErd';
import { toJson } from '../targets/json';
import { detectTableKeys, isKeyTestId } from './detectKeys';

const ORDERS = modelId('orders');

function keysOf(
  nodes: ReturnType<typeof modelNode>[],
  sources: ReturnType<typeof modelNode>[] = [],
) {
  return detectTableKeys(
    indexArtifacts({
      manifest: buildManifest({ nodes, sources }),
      catalog: {},
    }),
  );
}

describe('detectTableKeys', () => {
  it('reads unique + not_null on one column as a primary key, unique alone as a unique key', () => {
    const keys = keysOf([
      modelNode('orders'),
      ...primaryKeyTests(ORDERS, 'order_id'),
      genericTest('unique', ORDERS, { column_name: 'order_number' }),
    ]);
    expect(keys.get(ORDERS)).toEqual([
      { columns: ['order_id'], kind: 'primary', source: 'test' },
      { columns: ['order_number'], kind: 'unique', source: 'test' },
    ]);
  });

  it('reads dbt_utils.unique_combination_of_columns as a composite key', () => {
    const keys = keysOf([
      modelNode('orders'),
      genericTest(
        'unique_combination_of_columns',
        ORDERS,
        { combination_of_columns: ['Order_ID', 'line'] },
        'dbt_utils',
      ),
    ]);
    expect(keys.get(ORDERS)).toEqual([
      {
        columns: ['order_id', 'line'],
        kind: 'unique',
        source: 'combination_test',
      },
    ]);
  });

  it('reads primary_key and unique constraints, column- and model-level, and puts the primary key first', () => {
    const keys = keysOf([
      modelNode('orders', {
        columns: { code: { constraints: [{ type: 'unique' }] } },
        constraints: [{ type: 'primary_key', columns: ['id', 'region'] }],
      }),
    ]);
    expect(keys.get(ORDERS)).toEqual([
      { columns: ['id', 'region'], kind: 'primary', source: 'constraint' },
      { columns: ['code'], kind: 'unique', source: 'constraint' },
    ]);
  });

  it('reads tests on sources, which have no attached node', () => {
    const id = 'source.shop.raw.customers';
    const keys = keysOf(
      [...primaryKeyTests(id, 'id')],
      [sourceNode('raw', 'customers')],
    );
    expect(keys.get(id)).toEqual([
      { columns: ['id'], kind: 'primary', source: 'test' },
    ]);
  });

  it('names the test ids a streaming reader must parse for keys', () => {
    expect(isKeyTestId('test.shop.unique_orders_id.abc')).toBe(true);
    expect(isKeyTestId('test.shop.source_not_null_raw_orders_id.abc')).toBe(
      true,
    );
    expect(isKeyTestId('test.shop.dbt_utils_unique_combination_o_1a2b3c')).toBe(
      true,
    );
    expect(
      isKeyTestId(
        'test.shop.dbt_utils_source_unique_combination_of_columns_x.1',
      ),
    ).toBe(true);
    expect(
      isKeyTestId(
        'test.shop.relationships_orders_customer_id__id__ref_customers_.x',
      ),
    ).toBe(false);
    expect(isKeyTestId('test.shop.accepted_values_orders_status.x')).toBe(
      false,
    );
  });

  it('puts keys in the ERD extras, never in the JSON export', () => {
    const manifest = buildManifest({
      nodes: [
        modelNode('orders', { columns: { order_id: {} } }),
        ...primaryKeyTests(ORDERS, 'order_id'),
      ],
    });
    const { erd } = buildErd({ manifest, catalog: {} });
    expect(erd.extras?.keys?.[ORDERS]).toEqual([
      { columns: ['order_id'], kind: 'primary', source: 'test' },
    ]);
    expect(erd.nodes[0].columns[0].is_primary_key).toBe(false);
    expect(toJson(erd)).not.toContain('"kind"');
  });
});
