/**
 * PlantUML has no escape inside `"..."` or member lines, but its creole
 * text reads `<U+XXXX>` as that character. Anything that could end a quoted
 * name, split a member line (`:` `{` `}` line breaks), start a stereotype or
 * markup (`<` `>`) or a creole escape (`\n`, `~`) is written that way.
 *
 * So is the preprocessor's syntax, which runs over the whole text before
 * anything is drawn, quotes or not: `%name(...)` calls a builtin (a model
 * named `%getenv("AWS_SECRET_ACCESS_KEY")` would print the renderer's
 * secret) and `$name` reads a variable. `<U+XXXX>` is decoded only when the
 * text is drawn, after preprocessing, so it stays inert.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const UNSAFE = /["\\<>{}:~%$\u0000-\u001f\u007f\u2028\u2029]/g;

/**
 * Leading characters that PlantUML reads as a key or visibility marker, or,
 * for `!`, as a preprocessor directive (`!include`, `!define`...): a member
 * line is the only line that starts with a name.
 */
const MARKER_START = /^[*#+\-!]/;

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
