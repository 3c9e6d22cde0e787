import { BoundedMemo } from './BoundedMemo';

describe('BoundedMemo', () => {
  it('makes a value once per key and forgets the oldest past its capacity', () => {
    const made: string[] = [];
    const memo = new BoundedMemo<string>(2);
    const get = (key: string) =>
      memo.get(key, () => {
        made.push(key);
        return key.toUpperCase();
      });
    expect([get('a'), get('a'), get('b'), get('a')]).toEqual([
      'A',
      'A',
      'B',
      'A',
    ]);
    expect(made).toEqual(['a', 'b']);
    get('c');
    get('b');
    get('a');
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps nothing when making the value throws', () => {
    const memo = new BoundedMemo<number>(2);
    expect(() =>
      memo.get('a', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(memo.get('a', () => 1)).toBe(1);
  });
});
