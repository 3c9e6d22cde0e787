/**
 * PlantUML has no escape inside `"..."` or member lines, but its creole
 * text reads `<U+XXXX>` as that character. Anything that could end a quoted
 * name, split a member line (`:` `{` `}` line breaks), start a stereotype or
 * markup (`<` `>`) or a creole escape (`\n`, `~`) is written that way.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const UNSAFE = /["\\<>{}:~\u0000-\u001f\u007f\u2028\u2029]/g;

/** Leading characters that PlantUML reads as a key or visibility marker. */
const MARKER_START = /^[*#+\-]/;

function codePoint(char: string): string {
  return `<U+${char
    .charCodeAt(0)
    .toString(16)
    .toUpperCase()
    .padStart(4, '0')}>`;
}

/** Text of an entity name (inside quotes), a column name or a type. */
export function plantumlText(value: string): string {
  return value.replace(UNSAFE, codePoint);
}

/** A column name at the start of a member line. */
export function plantumlMember(value: string): string {
  const text = plantumlText(value);
  return MARKER_START.test(text) ? codePoint(text[0]) + text.slice(1) : text;
}
