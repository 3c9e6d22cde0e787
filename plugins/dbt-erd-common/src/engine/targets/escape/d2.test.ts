import { d2Key, d2Quoted, d2Value } from './d2';

describe('D2 escaping', () => {
  it('leaves plain names as dbterd prints them', () => {
    expect(d2Key('customer_id')).toBe('customer_id');
    expect(d2Value('double precision')).toBe('double precision');
    expect(d2Value('numeric(38,0)')).toBe('numeric(38,0)');
    expect(d2Quoted('model.shop.orders')).toBe('"model.shop.orders"');
  });

  it('escapes quotes, backslashes, line breaks and substitutions', () => {
    expect(d2Quoted('a"b\\c\nd${x}')).toBe('"a\\"b\\\\c\\nd\\${x}"');
  });

  it('quotes keys that would nest, connect or set a shape attribute', () => {
    expect(d2Key('a.b')).toBe('"a.b"');
    expect(d2Key('a->b')).toBe('"a->b"');
    expect(d2Key('shape')).toBe('"shape"');
    expect(d2Key('Label')).toBe('"Label"');
    expect(d2Key('')).toBe('""');
  });

  it('quotes values D2 would read as syntax', () => {
    expect(d2Value('null')).toBe('"null"');
    expect(d2Value('struct<a int>')).toBe('"struct<a int>"');
    expect(d2Value('x; y: z')).toBe('"x; y: z"');
  });
});
