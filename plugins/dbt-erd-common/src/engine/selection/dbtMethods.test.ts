import { ErdInputError } from '../errors';
import { compileSelection } from './isSelected';
import { SelectableTable } from './selectableTable';

const table = (
  uniqueId: string,
  facts: Partial<SelectableTable> = {},
): SelectableTable => ({
  uniqueId,
  resourceType: uniqueId.split('.')[0],
  database: 'db',
  schema: 'main',
  exposures: [],
  ...facts,
});

const orders = table('model.shop.orders', {
  name: 'orders',
  packageName: 'shop',
  fqn: ['shop', 'marts', 'core', 'orders'],
  originalFilePath: 'models/marts/core/orders.sql',
  tags: ['Nightly'],
  config: {
    materialized: 'table',
    'contract.enforced': 'true',
    'post-hook': ['grant'],
  },
});
const raw = table('source.shop.erp.raw_orders', {
  name: 'raw_orders',
  packageName: 'shop',
  fqn: ['shop', 'staging', 'erp', 'raw_orders'],
  originalFilePath: 'models/staging/erp/_sources.yml',
});
const tables = [orders, raw];

const pick = (select: string[], selectors?: Record<string, unknown>) => {
  const test = compileSelection(
    { select, exclude: [], resourceTypes: [] },
    { tables, projectName: 'shop', selectors },
  );
  return tables.filter(test).map(t => t.uniqueId);
};

describe("dbt's methods, as dbt-core matches them", () => {
  it.each([
    ['fqn:shop.marts', [orders]],
    ['fqn:marts.core.orders', [orders]],
    ['fqn:shop.*.erp.*', [raw]],
    ['fqn:marts.*', [orders]],
    ['fqn:marts', [orders]],
    ['fqn:core', []],
    ['path:./models/marts/', [orders]],
    ['path:models/*/erp', [raw]],
    ['path:models/marts/core/orders', []],
    ['file:orders', [orders]],
    ['file:_sources.yml', [raw]],
    ['tag:Nightly', [orders]],
    ['tag:nightly', []],
    ['config.contract.enforced:True', [orders]],
    ['config.post-hook:grant', [orders]],
    ['config.constructor:x', []],
    ['config.materialized:TABLE', []],
    ['source:erp', [raw]],
    ['source:erp.raw_*', [raw]],
    ['source:shop.erp.raw_orders', [raw]],
    ['source:other.erp.raw_orders', []],
    ['package:this', [orders, raw]],
    ['unique_id:model.shop.orders', [orders]],
    ['resource_type:source', [raw]],
  ])('%s', (rule, expected) => {
    expect(pick([rule])).toEqual(expected.map(t => t.uniqueId));
  });

  it('reads a YAML selector nested too deep as an input error', () => {
    let definition: unknown = 'orders';
    for (let i = 0; i < 100; i++) definition = { union: [definition] };
    expect(() => pick(['selector:deep'], { deep: definition })).toThrow(
      new ErdInputError(
        'selector "deep": definitions nest deeper than 64 levels; see dbt\'s YAML selectors (a string, {method, value}, {<method>: value}, union, intersection or exclude)',
      ),
    );
  });

  it('refuses exclude on its own and unknown definition shapes', () => {
    expect(() => pick(['selector:s'], { s: { exclude: ['orders'] } })).toThrow(
      /selector "s": exclude needs a method, union or intersection beside it/,
    );
    expect(() => pick(['selector:s'], { s: { a: 1, b: 2 } })).toThrow(
      /selector "s": cannot read a definition with keys a, b/,
    );
    expect(() => pick(['selector:s'], { s: 42 })).toThrow(
      /selector "s": a definition cannot be 42/,
    );
  });
});
