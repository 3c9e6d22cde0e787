/**
 * dbterd (click) has multi-letter short flags such as `-ad`; commander only
 * knows one-letter ones and would read `-ad` as `-a d`. These tokens are
 * rewritten to their long names before commander sees them.
 */
export const MULTI_LETTER_SHORT_FLAGS: ReadonlyMap<string, string> = new Map([
  ['-ad', '--artifacts-dir'],
  ['-bad', '--base-artifacts-dir'],
  ['-ns', '--exclude'],
  ['-rt', '--resource-type'],
  ['-enf', '--entity-name-format'],
  ['-eg', '--entity-group'],
  ['-ofn', '--output-file-name'],
]);

/** Rewrites `-ad x` and `-ad=x`; stops at `--`, after which tokens are not options. */
export function expandShortFlags(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const rest = end === -1 ? [] : argv.slice(end);
  return [...options.map(expandToken), ...rest];
}

function expandToken(token: string): string {
  const equals = token.indexOf('=');
  const flag = equals === -1 ? token : token.slice(0, equals);
  const long = MULTI_LETTER_SHORT_FLAGS.get(flag);
  if (!long) return token;
  return equals === -1 ? long : `${long}${token.slice(equals)}`;
}

/** The short flag of a long option, for help texts. */
export function shortFlagOf(long: string): string | undefined {
  for (const [short, name] of MULTI_LETTER_SHORT_FLAGS) {
    if (name === long) return short;
  }
  return undefined;
}
