import { fnmatch } from './fnmatch';

describe('fnmatch', () => {
  it.each([
    ['model.shop.orders', '*orders', true],
    ['model.shop.orders', 'model.*', true],
    ['model.shop.orders', 'model.shop.order?', true],
    ['model.shop.orders', 'model.shop.order', false],
    ['model.shop.orders', 'model.[ps]hop.*', true],
    ['model.shop.orders', 'model.[!s]hop.*', false],
    ['model.shop.orders', 'MODEL.*', false],
    ['model.shop.a+b', 'model.shop.a+b', true],
    ['model.shop.[x', 'model.shop.[x', true],
    ['source.raw.x.y', '*.x.*', true],
  ])('%s ~ %s is %s', (name, pattern, expected) => {
    expect(fnmatch(name, pattern)).toBe(expected);
  });
});
