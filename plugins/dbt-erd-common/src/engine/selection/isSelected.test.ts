import { ErdInputError } from '../errors';
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

  it('an empty rule value selects everything', () => {
    expect(selected({ select: ['schema:'] })).toHaveLength(2);
  });
});

describe('selection validation', () => {
  it('rejects unknown rule types, in any comma part', () => {
    expect(() => validateSelectionRules(['tag:finance'], 'select')).toThrow(
      ErdInputError,
    );
    expect(() =>
      validateSelectionRules(['schema:mart,tag:x'], 'exclude'),
    ).toThrow(
      /exclude rule "schema:mart,tag:x": unsupported selection type "tag"/,
    );
    expect(() =>
      validateSelectionRules(
        ['model.x', 'exact:a', 'wildcard:*', 'exposure:e', 'schema:s'],
        'select',
      ),
    ).not.toThrow();
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
