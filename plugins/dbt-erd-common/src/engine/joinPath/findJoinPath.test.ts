import fs from 'fs';
import path from 'path';
import { buildErd } from '../buildErd';
import { ErdInputError } from '../errors';
import { ErdTableNotFoundError } from '../tables/findErdTable';
import { erdColumn, erdEdge, erdNode, erdOf } from '../__testUtils__/erd';
import { ErdEdge } from '../types';
import { findJoinPath } from './findJoinPath';

/** The dev app's demo project (examples/dbt/target, written by `yarn generate-demo`). */
const DEMO_TARGET = path.resolve(
  __dirname,
  '../../../../../examples/dbt/target',
);

function demoErd(resourceTypes: string[] = ['model']) {
  const read = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(DEMO_TARGET, file), 'utf8'));
  return buildErd(
    { manifest: read('manifest.json'), catalog: read('catalog.json') },
    { resourceTypes },
  ).erd;
}

const ids = (...names: string[]) => names.map(n => `model.shop.${n}`);
const node = (name: string) =>
  erdNode(`model.shop.${name}`, [erdColumn('id'), erdColumn('other_id')]);
const edge = (
  name: string,
  from: string,
  to: string,
  extra: Partial<ErdEdge> & { provenance?: string } = {},
) =>
  erdEdge(
    name,
    `model.shop.${from}`,
    ['other_id'],
    `model.shop.${to}`,
    ['id'],
    extra,
  );

describe('findJoinPath', () => {
  it('walks the demo project from fct_orders to dim_products through the customers and their subscriptions', () => {
    const result = findJoinPath(demoErd(), 'fct_orders', 'dim_products');
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.path).toEqual([
      'model.acme_analytics.fct_orders',
      'model.acme_analytics.dim_customers',
      'model.acme_analytics.fct_subscriptions',
      'model.acme_analytics.dim_products',
    ]);
    expect(
      result.joins.map(j => [j.from_columns, j.to_columns, j.inferred]),
    ).toEqual([
      [['customer_id'], ['customer_id'], false],
      [['customer_id'], ['customer_id'], false],
      [['product_id'], ['product_id'], false],
    ]);
    expect(result.sql).toBe(
      [
        'select *',
        "from {{ ref('fct_orders') }} as fct_orders",
        "join {{ ref('dim_customers') }} as dim_customers on fct_orders.customer_id = dim_customers.customer_id",
        "join {{ ref('fct_subscriptions') }} as fct_subscriptions on dim_customers.customer_id = fct_subscriptions.customer_id",
        "join {{ ref('dim_products') }} as dim_products on fct_subscriptions.product_id = dim_products.product_id",
      ].join('\n'),
    );
  });

  it('accepts dbt ids and writes source() for sources', () => {
    const erd = demoErd(['model', 'source']);
    const result = findJoinPath(
      erd,
      'source.acme_analytics.shop.orders',
      'shop.customers',
    );
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.path).toEqual([
      'source.acme_analytics.shop.orders',
      'source.acme_analytics.shop.customers',
    ]);
    expect(result.sql).toBe(
      [
        'select *',
        "from {{ source('shop', 'orders') }} as orders",
        "join {{ source('shop', 'customers') }} as customers on orders.customer_id = customers.id",
      ].join('\n'),
    );
  });

  it('prefers declared over inferred relationships, then fewer many-to-many steps, among equally short paths', () => {
    const erd = erdOf(
      [node('a'), node('b'), node('c'), node('d')],
      [
        edge('a_b', 'a', 'b', { provenance: 'inferred' }),
        edge('b_d', 'b', 'd'),
        edge('a_c', 'a', 'c', { cardinality: 'nn' }),
        edge('c_d', 'c', 'd'),
      ],
    );
    const viaC = findJoinPath(erd, 'a', 'd');
    expect(viaC.path).toEqual(ids('a', 'c', 'd'));

    const noInferred = erdOf(erd.nodes, [
      edge('a_b', 'a', 'b'),
      edge('b_d', 'b', 'd'),
      edge('a_c', 'a', 'c', { cardinality: 'nn' }),
      edge('c_d', 'c', 'd'),
    ]);
    expect(findJoinPath(noInferred, 'a', 'd').path).toEqual(ids('a', 'b', 'd'));
  });

  it('takes the shortest path even when a longer one is all declared', () => {
    const erd = erdOf(
      [node('a'), node('b'), node('c'), node('d')],
      [
        edge('a_d', 'a', 'd', { provenance: 'inferred' }),
        edge('a_b', 'a', 'b'),
        edge('b_c', 'b', 'c'),
        edge('c_d', 'c', 'd'),
      ],
    );
    const result = findJoinPath(erd, 'a', 'd');
    expect(result.path).toEqual(ids('a', 'd'));
    expect(result.joins[0].inferred).toBe(true);
  });

  it('follows relationships against their direction and orients the join columns along the path', () => {
    const erd = erdOf([node('a'), node('b')], [edge('a_b', 'a', 'b')]);
    const result = findJoinPath(erd, 'b', 'a');
    expect(result.joins).toEqual([
      expect.objectContaining({
        from_id: 'model.shop.b',
        from_columns: ['id'],
        to_id: 'model.shop.a',
        to_columns: ['other_id'],
      }),
    ]);
  });

  it('says there is no path and shows what each table is connected to', () => {
    const erd = erdOf(
      [node('a'), node('b'), node('c')],
      [edge('a_b', 'a', 'b')],
    );
    expect(findJoinPath(erd, 'a', 'c')).toEqual({
      found: false,
      path: [],
      joins: [],
      fromComponent: ids('a', 'b'),
      toComponent: ids('c'),
    });
  });

  it('answers a one-table path for the same table', () => {
    const result = findJoinPath(erdOf([node('a')]), 'a', 'model.shop.a');
    expect(result).toMatchObject({
      found: true,
      path: ids('a'),
      joins: [],
      sql: "select *\nfrom {{ ref('a') }} as a",
    });
  });

  it('writes other packages, versions and odd names so the SQL still parses', () => {
    const erd = erdOf(
      [
        erdNode('model.other_pkg.dim_x.v2', [erdColumn('id')]),
        erdNode('model.shop.2nd table', [erdColumn('x id')]),
      ],
      [
        erdEdge(
          'rel',
          'model.shop.2nd table',
          ['x id'],
          'model.other_pkg.dim_x.v2',
          ['id'],
        ),
      ],
    );
    const result = findJoinPath(erd, '2nd table', 'dim_x');
    expect(result.found && result.sql).toBe(
      [
        'select *',
        "from {{ ref('2nd table') }} as _2nd_table",
        "join {{ ref('other_pkg', 'dim_x', v=2) }} as dim_x on _2nd_table.\"x id\" = dim_x.id",
      ].join('\n'),
    );
  });

  it('names a missing table in the error, with close matches', () => {
    const erd = demoErd();
    expect(() => findJoinPath(erd, 'fct_orders', 'products')).toThrow(
      ErdTableNotFoundError,
    );
    expect(() => findJoinPath(erd, 'fct_orders', 'products')).toThrow(
      /No table 'products'.*close matches: dim_products, stg_products/,
    );
  });

  it('refuses an ambiguous short name and lists the ids', () => {
    const erd = erdOf([
      erdNode('model.shop.customers', [erdColumn('id')]),
      erdNode('source.shop.raw.customers', [erdColumn('id')]),
    ]);
    expect(() => findJoinPath(erd, 'customers', 'customers')).toThrow(
      ErdInputError,
    );
    expect(() => findJoinPath(erd, 'customers', 'customers')).toThrow(
      /ambiguous.*model\.shop\.customers, source\.shop\.raw\.customers/,
    );
  });
});
