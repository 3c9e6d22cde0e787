import {
  DEFAULT_TEST_RELATIONSHIP_RULE,
  algoName,
  parseTestRelationshipRule,
} from './algoRule';
import { toCardinality } from './cardinality';
import { parseDbtReference, referenceMatches } from './dbtRef';

describe('parseTestRelationshipRule', () => {
  it('defaults to dbt relationships tests', () => {
    expect(parseTestRelationshipRule('test_relationship')).toEqual(
      DEFAULT_TEST_RELATIONSHIP_RULE,
    );
    expect(DEFAULT_TEST_RELATIONSHIP_RULE).toEqual({
      name: 'relationship',
      c_from: 'column_name',
      c_to: 'field',
      t_to: 'to',
    });
  });

  it('reads every key and tolerates whitespace and line breaks', () => {
    expect(
      parseTestRelationshipRule(`test_relationship:(
        name:foreign_key|
        c_from:fk_column_name|
        c_to:pk_column_name|
        t_to:pk_table_name
      )`),
    ).toEqual({
      name: 'foreign_key',
      c_from: 'fk_column_name',
      c_to: 'pk_column_name',
      t_to: 'pk_table_name',
    });
  });

  it('keeps defaults for keys left out', () => {
    expect(parseTestRelationshipRule('test_relationship:(name:fk)')).toEqual({
      ...DEFAULT_TEST_RELATIONSHIP_RULE,
      name: 'fk',
    });
  });

  it('names the algorithm by what precedes the rule', () => {
    expect(algoName(' test_relationship :(name:x)')).toBe('test_relationship');
    expect(algoName('semantic')).toBe('semantic');
  });
});

describe('toCardinality', () => {
  it('maps dbterd meta values and defaults to many-to-one', () => {
    expect(
      [
        'one-to-many',
        'zero-to-many',
        'zero-to-one',
        'one-to-one',
        'many-to-many',
        'many-to-one',
        '',
        null,
      ].map(toCardinality),
    ).toEqual(['1n', '0n', '01', '11', 'nn', 'n1', 'n1', 'n1']);
  });
});

describe('dbt references', () => {
  it('parses ref and source in their forms', () => {
    expect(parseDbtReference("ref('orders')")).toEqual({
      kind: 'ref',
      package: null,
      name: 'orders',
      version: null,
    });
    expect(parseDbtReference('ref("pkg", "orders")')).toEqual({
      kind: 'ref',
      package: 'pkg',
      name: 'orders',
      version: null,
    });
    expect(parseDbtReference("ref('orders', v=2)")).toEqual({
      kind: 'ref',
      package: null,
      name: 'orders',
      version: '2',
    });
    expect(parseDbtReference("ref('orders', version='3')")).toEqual({
      kind: 'ref',
      package: null,
      name: 'orders',
      version: '3',
    });
    expect(
      parseDbtReference("{{ get_where_subquery(source('raw', 'orders')) }}"),
    ).toEqual({
      kind: 'source',
      source: 'raw',
      table: 'orders',
    });
    expect(parseDbtReference('db.schema.orders')).toBeNull();
  });

  it('matches node ids', () => {
    const ref = parseDbtReference("ref('orders', v=2)")!;
    expect(referenceMatches(ref, 'model.shop.orders.v2')).toBe(true);
    expect(referenceMatches(ref, 'model.shop.orders.v1')).toBe(false);
    expect(
      referenceMatches(
        parseDbtReference("ref('countries')")!,
        'seed.shop.countries',
      ),
    ).toBe(true);
    expect(
      referenceMatches(
        parseDbtReference("ref('other', 'orders')")!,
        'model.shop.orders',
      ),
    ).toBe(false);
    expect(
      referenceMatches(
        parseDbtReference("source('raw', 'orders')")!,
        'source.shop.raw.orders',
      ),
    ).toBe(true);
  });
});
