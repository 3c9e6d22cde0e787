import { buildManifest, modelNode } from '../__testUtils__/artifacts';
import { buildErd } from '../buildErd';
import { ErdInputError } from '../errors';
import { resolveErdOptions } from '../options';
import { compileFnmatch } from './fnmatch';
import { isSelected, Selection } from './isSelected';
import { SelectableTable } from './selectableTable';
import {
  validateResourceTypes,
  validateSelectionRules,
} from './validateSelection';

const orders: SelectableTable = {
  uniqueId: 'model.shop.orders',
  resourceType: 'model',
  database: 'analytics',
  schema: 'mart',
  exposures: ['weekly_report'],
};
const customers: SelectableTable = {
  ...orders,
  uniqueId: 'model.shop.customers',
  schema: 'staging',
  exposures: [],
};
const rawCustomers: SelectableTable = {
  ...customers,
  uniqueId: 'source.shop.raw.customers',
  resourceType: 'source',
};

const selection = (partial: Partial<Selection>): Selection => ({
  select: [],
  exclude: [],
  resourceTypes: ['model'],
  ...partial,
});

const selected = (partial: Partial<Selection>) =>
  [orders, customers, rawCustomers]
    .filter(t => isSelected(t, selection(partial)))
    .map(t => t.uniqueId);

describe('isSelected', () => {
  it('selects every model by default', () => {
    expect(selected({})).toEqual(['model.shop.orders', 'model.shop.customers']);
  });

  it('filters by resource type; an empty list means every type', () => {
    expect(selected({ resourceTypes: ['source'] })).toEqual([
      'source.shop.raw.customers',
    ]);
    expect(selected({ resourceTypes: [] })).toHaveLength(3);
  });

  it('plain text selects unique_ids starting with it (rule lower-cased)', () => {
    expect(selected({ select: ['model.shop.ord'] })).toEqual([
      'model.shop.orders',
    ]);
    expect(selected({ select: ['MODEL.SHOP.CUST'] })).toEqual([
      'model.shop.customers',
    ]);
  });

  it('exact: compares the whole unique_id', () => {
    expect(selected({ select: ['exact:model.shop.order'] })).toEqual([]);
    expect(selected({ select: ['exact:Model.Shop.Orders'] })).toEqual([
      'model.shop.orders',
    ]);
  });

  it('schema: takes schema or database.schema, as a prefix', () => {
    expect(selected({ select: ['schema:mart'] })).toEqual([
      'model.shop.orders',
    ]);
    expect(selected({ select: ['schema:analytics.stag'] })).toEqual([
      'model.shop.customers',
    ]);
    expect(selected({ select: ['schema:other.mart'] })).toEqual([]);
  });

  it('wildcard: matches the unique_id Unix-style', () => {
    expect(selected({ select: ['wildcard:*.cust*'] })).toEqual([
      'model.shop.customers',
    ]);
  });

  it('exposure: selects nodes an exposure depends on', () => {
    expect(selected({ select: ['exposure:weekly_report'] })).toEqual([
      'model.shop.orders',
    ]);
  });

  it('ORs several values and ANDs comma-separated parts', () => {
    expect(
      selected({ select: ['exact:model.shop.orders', 'schema:staging'] }),
    ).toEqual(['model.shop.orders', 'model.shop.customers']);
    expect(selected({ select: ['model.shop,schema:staging'] })).toEqual([
      'model.shop.customers',
    ]);
  });

  it('exclude wins over select', () => {
    expect(selected({ exclude: ['wildcard:*orders'] })).toEqual([
      'model.shop.customers',
    ]);
    expect(
      selected({
        select: ['schema:mart'],
        exclude: ['exposure:weekly_report'],
      }),
    ).toEqual([]);
  });

  it('narrowSelect lists must hold as well as select: they narrow, never widen', () => {
    expect(
      selected({ select: ['schema:mart'], narrowSelect: [['model.shop']] }),
    ).toEqual(['model.shop.orders']);
    expect(
      selected({ select: ['schema:mart'], narrowSelect: [['schema:staging']] }),
    ).toEqual([]);
    expect(
      selected({
        narrowSelect: [['schema:mart', 'schema:staging'], ['wildcard:*cust*']],
      }),
    ).toEqual(['model.shop.customers']);
    expect(selected({ select: ['schema:mart'], narrowSelect: [[]] })).toEqual([
      'model.shop.orders',
    ]);
  });

  it('an empty rule value selects everything', () => {
    expect(selected({ select: ['schema:'] })).toHaveLength(2);
  });
});

describe('selection validation', () => {
  it('rejects unknown rule types, in any comma part', () => {
    expect(() => validateSelectionRules(['colour:finance'], 'select')).toThrow(
      ErdInputError,
    );
    expect(() =>
      validateSelectionRules(['schema:mart,colour:x'], 'exclude'),
    ).toThrow(
      /exclude rule "schema:mart,colour:x": unsupported selection type "colour"/,
    );
    expect(() =>
      validateSelectionRules(
        ['model.x', 'exact:a', 'wildcard:*', 'exposure:e', 'schema:s'],
        'select',
      ),
    ).not.toThrow();
  });

  it('validates and tidies narrowSelect like select', () => {
    expect(() =>
      resolveErdOptions({ narrowSelect: [['schema:a', 'colour:x']] }),
    ).toThrow(/select rule "colour:x": unsupported selection type "colour"/);
    expect(resolveErdOptions({ narrowSelect: [[' '], []] })).not.toHaveProperty(
      'narrowSelect',
    );
    expect(
      resolveErdOptions({ narrowSelect: [['schema:a', '']] }).narrowSelect,
    ).toEqual([['schema:a']]);
  });

  it('rejects unknown resource types', () => {
    expect(() => validateResourceTypes(['model', 'test'])).toThrow(
      'resource type "test" is not supported',
    );
    expect(() =>
      validateResourceTypes(['model', 'source', 'seed', 'snapshot']),
    ).not.toThrow();
  });
});

jest.mock('./fnmatch', () => {
  const actual = jest.requireActual('./fnmatch');
  return { ...actual, compileFnmatch: jest.fn(actual.compileFnmatch) };
});

describe('selection on hostile input', () => {
  const manyModels = () => ({
    manifest: buildManifest({
      nodes: Array.from({ length: 50 }, (_, i) => modelNode(`m${i}`)),
    }),
  });

  it('parses each wildcard rule once per build, not once per node', () => {
    const compile = jest.mocked(compileFnmatch);
    compile.mockClear();
    const { erd } = buildErd(manyModels(), {
      select: ['wildcard:*m1?', 'wildcard:*m2?'],
      exclude: ['wildcard:*3'],
    });
    expect(erd.nodes).toHaveLength(18);
    expect(compile).toHaveBeenCalledTimes(3);
  });

  it('a reversed set such as [z-a] matches nothing, as in Python, instead of throwing', () => {
    expect(
      buildErd(manyModels(), { select: ['wildcard:model.shop.m[z-a]'] }).erd
        .nodes,
    ).toEqual([]);
  });

  it('answers a backtracking-bait wildcard at once', () => {
    // `*?` pairs doubled the time per pair with the old regex translation.
    const { erd } = buildErd(manyModels(), {
      select: [`wildcard:${'*?'.repeat(30)}x`],
    });
    expect(erd.nodes).toEqual([]);
  });

  it('caps the number of rules and their total length, naming the cap', () => {
    const rules = (count: number, length = 3) =>
      Array.from({ length: count }, (_, i) => `m${i}`.padEnd(length, 'x'));
    expect(() =>
      resolveErdOptions({ select: rules(60), exclude: rules(40) }),
    ).not.toThrow();
    expect(() =>
      resolveErdOptions({
        select: rules(30),
        narrowSelect: [rules(30), ['', ' ']],
        exclude: rules(41),
      }),
    ).toThrow(
      new ErdInputError(
        '101 select and exclude rules given; the limit is 100 rules, so combine them (a wildcard: rule can stand for many names)',
      ),
    );
    expect(() => resolveErdOptions({ select: rules(4, 1024) })).not.toThrow();
    expect(() =>
      resolveErdOptions({ select: rules(4, 1024), exclude: ['x'] }),
    ).toThrow(
      /select and exclude rules are 4097 characters long together; the limit is 4096 characters/,
    );
  });
});
