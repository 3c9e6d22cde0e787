/**
 * DBML quoting (dbdiagram's `dbmlv2` parser). Plain names come out exactly
 * as dbterd prints them; only names that would break the document change.
 */

const QUOTED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A double-quoted identifier: DBML reads backslash escapes and refuses raw newlines. */
export function dbmlQuoted(value: string): string {
  return `"${value.replace(/[\\"\n\r\t]/g, c => QUOTED_ESCAPES[c])}"`;
}

/** A bare DBML name: letters, digits and `_`, not all digits. */
const BARE_SEGMENT = '[0-9]*[A-Za-z_][A-Za-z0-9_]*';
const BARE = new RegExp(`^${BARE_SEGMENT}$`);
const BARE_DOTTED = new RegExp(`^${BARE_SEGMENT}(?:\\.${BARE_SEGMENT})*$`);

/**
 * Where dbterd prints a name bare (index columns, `omitEntityNameQuotes`):
 * bare while it is a plain name (dotted where `allowDots`, as dbterd's
 * `schema.table`), quoted otherwise, since a space, quote or empty part
 * would end or break the bare name.
 */
export function dbmlBareName(value: string, allowDots = false): string {
  return (allowDots ? BARE_DOTTED : BARE).test(value)
    ? value
    : dbmlQuoted(value);
}

/** Text inside a `//` comment: a line break would end the comment and leak the rest as DBML. */
export function dbmlComment(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]/g, c =>
    c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
