import fs from 'node:fs';
import path from 'node:path';
import { ErdInputError } from '../errors';
import { resolveErdOptions } from '../options';
import { selectIds, selectIdsFromBytes } from './__testUtils__/selectIds';

/**
 * dbt's node selection grammar on the demo project (examples/dbt/target),
 * each expectation worked out by hand from dbt's docs ("Node selection
 * syntax", "Graph operators", "Set operators", "YAML selectors") and the
 * demo's lineage:
 *
 *   sources shop.{customers,orders,order_lines,products,subscriptions,payments}
 *     -> stg_<same> (views, models/staging/shop)
 *   stg_customers + seed country_codes -> dim_customers
 *   stg_products -> dim_products
 *   stg_orders + stg_payments -> fct_orders
 *   stg_order_lines + fct_orders + dim_products -> fct_order_lines
 *   stg_subscriptions -> fct_subscriptions
 *   fct_orders -> customer_lifetime_value, fct_daily_revenue (incremental; models/marts/finance)
 */
const DEMO = path.resolve(__dirname, '../../../../../examples/dbt/target');
const readJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(DEMO, file), 'utf8'));

/** The demo with what it lacks to test tags, groups and selectors.yml, as dbt would write them. */
function demoManifest() {
  const manifest = readJson('manifest.json');
  const model = (name: string) =>
    manifest.nodes[`model.acme_analytics.${name}`];
  model('fct_orders').tags = ['nightly', 'finance'];
  model('fct_daily_revenue').tags = ['nightly'];
  model('dim_customers').group = 'customer_success';
  model('dim_customers').access = 'public';
  manifest.selectors = {
    nightly: { name: 'nightly', definition: 'tag:nightly' },
    finance_key_value: {
      name: 'finance_key_value',
      definition: { path: 'models/marts/finance' },
    },
    nightly_upstream: {
      name: 'nightly_upstream',
      definition: {
        method: 'tag',
        value: 'nightly',
        parents: true,
        parents_depth: 1,
        exclude: ['resource_type:source'],
      },
    },
    marts_but_finance: {
      name: 'marts_but_finance',
      definition: {
        union: [
          { method: 'path', value: 'models/marts' },
          { exclude: [{ method: 'path', value: 'models/marts/finance' }] },
        ],
      },
    },
    nightly_tables: {
      name: 'nightly_tables',
      definition: {
        intersection: ['selector:nightly', 'config.materialized:table'],
      },
    },
    orders_children: {
      name: 'orders_children',
      definition: {
        method: 'fqn',
        value: 'fct_orders',
        children: true,
        children_depth: 1,
      },
    },
    at_stg_payments: {
      name: 'at_stg_payments',
      definition: {
        method: 'fqn',
        value: 'stg_payments',
        childrens_parents: true,
      },
    },
    loop_a: { name: 'loop_a', definition: 'selector:loop_b' },
    loop_b: {
      name: 'loop_b',
      definition: { method: 'selector', value: 'loop_a' },
    },
    broken: {
      name: 'broken',
      definition: { method: 'tag', children_depth: 1 },
    },
  };
  return manifest;
}

const artifacts = {
  manifest: demoManifest(),
  catalog: readJson('catalog.json'),
};
const manifestBytes = new TextEncoder().encode(
  JSON.stringify(artifacts.manifest),
);

const m = (...names: string[]) => names.map(n => `model.acme_analytics.${n}`);
const src = (...names: string[]) =>
  names.map(n => `source.acme_analytics.shop.${n}`);
const ids = (...lists: string[][]) => lists.flat().sort();

const select = (...rules: string[]) => selectIds(artifacts, { select: rules });

const CASES: [string, string[], string[]][] = [
  // Methods.
  ['fqn name', ['fct_orders'], m('fct_orders')],
  [
    'fqn folder',
    ['marts.finance'],
    m('customer_lifetime_value', 'fct_daily_revenue'),
  ],
  ['fqn:', ['fqn:acme_analytics.staging.shop.stg_orders'], m('stg_orders')],
  ['fqn wildcard', ['staging.shop.stg_p*'], m('stg_payments', 'stg_products')],
  [
    'path:',
    ['path:models/marts/finance'],
    m('customer_lifetime_value', 'fct_daily_revenue'),
  ],
  [
    'path default',
    ['models/marts/finance/'],
    m('customer_lifetime_value', 'fct_daily_revenue'),
  ],
  ['path: file', ['path:models/marts/core/fct_orders.sql'], m('fct_orders')],
  ['file:', ['file:dim_products.sql'], m('dim_products')],
  ['tag:', ['tag:nightly'], m('fct_daily_revenue', 'fct_orders')],
  ['tag: wildcard', ['tag:fin*'], m('fct_orders')],
  ['group:', ['group:customer_success'], m('dim_customers')],
  ['access:', ['access:public'], m('dim_customers')],
  [
    'config.materialized:',
    ['config.materialized:incremental'],
    m('fct_daily_revenue'),
  ],
  [
    'resource_type:',
    ['resource_type:seed'],
    ['seed.acme_analytics.country_codes'],
  ],
  ['source:', ['source:shop.orders'], src('orders')],
  [
    'package:this',
    ['package:this,resource_type:seed'],
    ['seed.acme_analytics.country_codes'],
  ],
  // Graph operators.
  [
    '+model: all ancestors',
    ['+fct_order_lines'],
    ids(
      m(
        'fct_order_lines',
        'stg_order_lines',
        'fct_orders',
        'dim_products',
        'stg_orders',
        'stg_payments',
        'stg_products',
      ),
      src('order_lines', 'orders', 'payments', 'products'),
    ),
  ],
  [
    '1+model: direct parents',
    ['1+fct_order_lines'],
    m('dim_products', 'fct_order_lines', 'fct_orders', 'stg_order_lines'),
  ],
  [
    'model+: all descendants',
    ['stg_orders+'],
    m(
      'customer_lifetime_value',
      'fct_daily_revenue',
      'fct_order_lines',
      'fct_orders',
      'stg_orders',
    ),
  ],
  ['model+1: direct children', ['stg_orders+1'], m('fct_orders', 'stg_orders')],
  [
    '@model: descendants and their ancestors',
    ['@stg_payments'],
    ids(
      m(
        'stg_payments',
        'fct_orders',
        'fct_order_lines',
        'customer_lifetime_value',
        'fct_daily_revenue',
        'stg_orders',
        'stg_order_lines',
        'dim_products',
        'stg_products',
      ),
      src('payments', 'orders', 'order_lines', 'products'),
    ),
  ],
  [
    '+ on a method',
    ['+tag:nightly,resource_type:source'],
    src('orders', 'payments'),
  ],
  [
    'seed+ walks to models',
    ['country_codes+'],
    ['seed.acme_analytics.country_codes', ...m('dim_customers')],
  ],
  // Set operators: space is a union, comma an intersection.
  [
    'union in one rule',
    ['fct_orders dim_products'],
    m('dim_products', 'fct_orders'),
  ],
  [
    'intersection of ancestors',
    ['+customer_lifetime_value,+fct_daily_revenue'],
    ids(
      m('fct_orders', 'stg_orders', 'stg_payments'),
      src('orders', 'payments'),
    ),
  ],
  [
    'intersection of descendants',
    ['stg_order_lines+,stg_orders+'],
    m('fct_order_lines'),
  ],
  ['folder and tag', ['marts.finance,tag:nightly'], m('fct_daily_revenue')],
  // YAML selectors, every definition form.
  [
    'selector: string',
    ['selector:nightly'],
    m('fct_daily_revenue', 'fct_orders'),
  ],
  [
    'selector: key-value',
    ['selector:finance_key_value'],
    m('customer_lifetime_value', 'fct_daily_revenue'),
  ],
  [
    'selector: method with parents_depth and exclude',
    ['selector:nightly_upstream'],
    m('fct_daily_revenue', 'fct_orders', 'stg_orders', 'stg_payments'),
  ],
  [
    'selector: union with exclude',
    ['selector:marts_but_finance'],
    m(
      'dim_customers',
      'dim_products',
      'fct_order_lines',
      'fct_orders',
      'fct_subscriptions',
    ),
  ],
  [
    'selector: intersection naming a selector',
    ['selector:nightly_tables'],
    m('fct_orders'),
  ],
  [
    'selector: children_depth',
    ['selector:orders_children'],
    m(
      'customer_lifetime_value',
      'fct_daily_revenue',
      'fct_order_lines',
      'fct_orders',
    ),
  ],
  [
    'selector: childrens_parents',
    ['selector:at_stg_payments'],
    ids(
      m(
        'stg_payments',
        'fct_orders',
        'fct_order_lines',
        'customer_lifetime_value',
        'fct_daily_revenue',
        'stg_orders',
        'stg_order_lines',
        'dim_products',
        'stg_products',
      ),
      src('payments', 'orders', 'order_lines', 'products'),
    ),
  ],
  [
    'graph operators on a selector',
    ['selector:nightly+1'],
    m(
      'customer_lifetime_value',
      'fct_daily_revenue',
      'fct_order_lines',
      'fct_orders',
    ),
  ],
];

describe("dbt's selection grammar on the demo project", () => {
  it.each(CASES)('%s: %j', async (_, rules, expected) => {
    expect(select(...rules)).toEqual([...expected].sort());
    // The streaming reader indexes the same facts and lineage.
    await expect(
      selectIdsFromBytes(manifestBytes, artifacts.catalog, { select: rules }),
    ).resolves.toEqual([...expected].sort());
  });

  it('exclude takes dbt terms too, and wins over select', () => {
    expect(
      selectIds(artifacts, { select: ['marts'], exclude: ['fct_orders+'] }),
    ).toEqual(m('dim_customers', 'dim_products', 'fct_subscriptions'));
  });

  it('graph operators walk through tables of types not drawn', async () => {
    const options = { select: ['country_codes+'], resourceTypes: ['model'] };
    expect(selectIds(artifacts, options)).toEqual(m('dim_customers'));
    await expect(
      selectIdsFromBytes(manifestBytes, artifacts.catalog, options),
    ).resolves.toEqual(m('dim_customers'));
  });

  it("dbterd's forms keep their meaning beside dbt's", () => {
    expect(select('model.acme_analytics.fct_order')).toEqual(
      m('fct_order_lines', 'fct_orders'),
    );
    expect(select('wildcard:*.FCT_ORDERS')).toEqual(m('fct_orders'));
    expect(select('exact:model.acme_analytics.dim_products')).toEqual(
      m('dim_products'),
    );
  });
});

describe('selection errors name the bad term and what is allowed', () => {
  const failure = (options: object) => {
    try {
      resolveErdOptions(options);
      selectIds(artifacts, options);
    } catch (error) {
      expect(error).toBeInstanceOf(ErdInputError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('an unknown method', () => {
    expect(failure({ select: ['fct_orders', 'colour:red'] })).toMatch(
      /^select rule "colour:red": unsupported selection type "colour" \(in "colour:red"\); use a name .*tag:, path:.*config\.<key>:, selector: or dbterd's exact:, schema:, wildcard:, exposure:/,
    );
  });

  it('a dbt method an ERD cannot answer, saying why', () => {
    expect(failure({ exclude: ['tag:x,state:modified+'] })).toMatch(
      /^exclude rule "tag:x,state:modified\+": dbt's state: method cannot select ERD tables: it compares with a previous run/,
    );
  });

  it("'@' with a '+' prefix", () => {
    expect(failure({ select: ['@+fct_orders'] })).toMatch(
      /term "@\+fct_orders" has both '@' and a '\+' prefix/,
    );
  });

  it('an unknown selector, listing those defined', () => {
    expect(failure({ select: ['selector:weekly'] })).toMatch(
      /^select rule "selector:weekly": selector "weekly" is not defined in this project's selectors.yml; it defines selector:nightly, selector:finance_key_value/,
    );
  });

  it('a selector that refers to itself', () => {
    expect(failure({ select: ['selector:loop_a'] })).toMatch(
      /selector "loop_a" refers to itself \(loop_a -> loop_b -> loop_a\)/,
    );
  });

  it('a malformed selector definition', () => {
    expect(failure({ select: ['selector:broken'] })).toMatch(
      /^selector "broken": method tag needs a value; see dbt's YAML selectors/,
    );
  });

  it('a method inside a selector definition', () => {
    expect(() =>
      selectIds(
        {
          ...artifacts,
          manifest: {
            ...artifacts.manifest,
            selectors: {
              s: { name: 's', definition: { method: 'nope', value: 'x' } },
            },
          },
        },
        { select: ['selector:s'] },
      ),
    ).toThrow(/^selector "s": unsupported selection type "nope"/);
  });
});
