import { dbmlBareName, dbmlComment, dbmlQuoted } from './dbml';

describe('DBML escaping', () => {
  it('leaves plain names as dbterd prints them', () => {
    expect(dbmlQuoted('model.shop.orders')).toBe('"model.shop.orders"');
    expect(dbmlBareName('customer_id')).toBe('customer_id');
    expect(dbmlBareName('model.shop.orders', true)).toBe('model.shop.orders');
    expect(dbmlComment('db.main')).toBe('db.main');
  });

  it('backslash-escapes quotes, backslashes and line breaks inside quotes', () => {
    expect(dbmlQuoted('a"b\\c\nd\re\tf')).toBe('"a\\"b\\\\c\\nd\\re\\tf"');
  });

  it('quotes a bare name that is not a plain identifier', () => {
    expect(dbmlBareName('order id')).toBe('"order id"');
    expect(dbmlBareName('123')).toBe('"123"');
    expect(dbmlBareName('a.b')).toBe('"a.b"');
    expect(dbmlBareName('b.', true)).toBe('"b."');
  });

  it('keeps a line break from ending a comment', () => {
    expect(dbmlComment('db\nTable x {}\u2028')).toBe('db\\nTable x {}\\u2028');
  });
});
