import { oneLine } from './cliLog';

describe('oneLine', () => {
  it('turns each whitespace run holding a line break into one space', () => {
    expect(oneLine('  a \r\n\t b\n\nc  d \n')).toBe('a b c  d');
    expect(oneLine('no break  here')).toBe('no break  here');
  });

  it('answers at once on a long run of spaces without a line break', () => {
    // A generous guard bound: the regex this replaced backtracked
    // quadratically here (seconds for 30 000 spaces).
    const started = performance.now();
    expect(oneLine(`a${' '.repeat(100_000)}b`)).toHaveLength(100_002);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
