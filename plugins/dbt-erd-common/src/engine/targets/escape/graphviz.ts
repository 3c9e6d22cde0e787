/**
 * GraphViz DOT escaping: quoted IDs and labels (`\"` and `\\` are the DOT
 * lexer's escapes), and text inside HTML-like labels (XML entities).
 */

/** A `"..."` ID or label; a line break is written as DOT's `\n`. */
export function dotQuoted(value: string): string {
  const escaped = value
    .replace(/[\\"]/g, '\\$&')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n');
  return `"${escaped}"`;
}

/** Control characters XML 1.0 forbids (all but tab, LF, CR). */
// eslint-disable-next-line no-control-regex -- control characters are what it replaces
export const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text inside an HTML-like label: a raw `<` `>` would be markup (and end the
 * label), `&` an entity; line breaks become `<br/>`, and control characters,
 * which XML forbids, U+FFFD.
 */
export function dotHtmlText(value: string): string {
  return value
    .replace(/[&<>"']/g, c => HTML_ENTITIES[c])
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br/>')
    .replace(XML_FORBIDDEN, '\uFFFD');
}
