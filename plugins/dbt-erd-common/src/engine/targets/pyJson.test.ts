import { pyJsonDumps, pyJsonString } from './pyJson';

describe('pyJson', () => {
  it('escapes strings like Python json.dumps (ensure_ascii)', () => {
    expect(pyJsonString('a "b" \\ \n\t\r\b\f \u0001 \u007f é — 😀')).toBe(
      '"a \\"b\\" \\\\ \\n\\t\\r\\b\\f \\u0001 \\u007f \\u00e9 \\u2014 \\ud83d\\ude00"',
    );
  });

  it('uses Python separators', () => {
    expect(pyJsonDumps({ a: [1, true, null], b: {}, c: [] })).toBe(
      '{"a": [1, true, null], "b": {}, "c": []}',
    );
  });
});
