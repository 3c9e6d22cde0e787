import { ErdInputError } from '../../errors';
import { ValueSkipper } from './valueSkipper';

const encode = (text: string) => new TextEncoder().encode(text);

/** Skips the value at the start of `text`, fed `size` bytes at a time. */
function skipInChunks(text: string, size: number): number {
  const bytes = encode(text);
  const skipper = new ValueSkipper('manifest.json');
  for (let start = 0; start < bytes.length; start += size) {
    const end = Math.min(start + size, bytes.length);
    const after = skipper.skip(bytes, start, end, 0);
    if (after >= 0) return after;
  }
  return -1;
}

const VALUES = [
  '{"a": "x\\"}{[", "b": [1, {"c": "\\\\"}], "d": "\\\\\\""}',
  '["]", "\\u007d", "é 😀 \\ud83d\\ude00", {"k": {}}]',
  '"a string with } and { and \\" inside"',
  '"ends in a backslash \\\\"',
  '-12.5e+3',
  'true',
  'null',
  '{}',
];

describe('ValueSkipper', () => {
  it.each(VALUES)('finds the end of %s at every chunk size', value => {
    const text = `${value},"next"`;
    const end = encode(value).length;
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(skipInChunks(text, size)).toBe(end);
    }
  });

  it('waits for more bytes when the value is not finished', () => {
    const skipper = new ValueSkipper('manifest.json');
    const bytes = encode('{"a": "}');
    expect(skipper.skip(bytes, 0, bytes.length)).toBe(-1);
    expect(skipper.inProgress).toBe(true);
  });

  it('refuses a byte no JSON value starts with, naming the file and offset', () => {
    const skipper = new ValueSkipper('catalog.json');
    expect(() => skipper.skip(encode('  }'), 2, 3, 100)).toThrow(
      new ErdInputError(
        'catalog.json: not valid JSON at byte 102 (expected a value); pass the catalog.json written by dbt, unmodified',
      ),
    );
  });
});
