/**
 * D2 quoting. Plain names stay bare as dbterd prints them; anything else is
 * double-quoted, where D2 reads backslash escapes (`$` too, as `${...}`
 * would be a variable substitution).
 */

const QUOTED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  $: '\\$',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

export function d2Quoted(value: string): string {
  return `"${value.replace(/[\\"$\n\r\t]/g, c => QUOTED_ESCAPES[c])}"`;
}

/** Keys D2 reads as attributes of the shape rather than as a column. */
const RESERVED_KEYS = new Set([
  'shape',
  'label',
  'style',
  'icon',
  'near',
  'width',
  'height',
  'tooltip',
  'link',
  'class',
  'classes',
  'constraint',
  'direction',
  'vars',
  'source-arrowhead',
  'target-arrowhead',
  'top',
  'left',
  'grid-rows',
  'grid-columns',
  'grid-gap',
  'vertical-gap',
  'horizontal-gap',
  'filled',
  'layers',
  'scenarios',
  'steps',
]);

/** A column name as a key of the sql_table: words and single spaces only (a `.` would nest). */
export function d2Key(value: string): string {
  const plain = /^[\p{L}\p{N}_]+(?: [\p{L}\p{N}_]+)*$/u.test(value);
  return plain && !RESERVED_KEYS.has(value.toLowerCase())
    ? value
    : d2Quoted(value);
}

/** A column type as the value after `:`; `null` would delete the column. */
export function d2Value(value: string): string {
  const plain =
    /^[\p{L}\p{N}_](?:[\p{L}\p{N}_ (),.]*[\p{L}\p{N}_(),.])?$/u.test(value);
  return plain && value !== 'null' ? value : d2Quoted(value);
}
