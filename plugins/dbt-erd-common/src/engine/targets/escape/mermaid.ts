/**
 * Mermaid `erDiagram` escaping, after the jison lexer of mermaid's ER
 * diagram: a quoted entity name is `"[^"%\r\n\v\b\\]+"`, an attribute word is
 * `[*A-Za-z_\u00C0-\uFFFF][A-Za-z0-9\-_[\]().,*\u00C0-\uFFFF]*`, a bare
 * relationship label is `([^\x00-\x7F]|\w|-|\*|\.)+`, and keywords
 * (`PK`, `one`, `to`...) win over words that start with them.
 */

/** Characters a quoted name cannot hold, plus HTML specials, as Mermaid entity codes (`#34;`). */
// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const QUOTED_UNSAFE = /["%\\#<>&\u0000-\u001f\u007f\u2028\u2029]/g;

/** `.*direction\s+TB` lexes a whole line as a direction statement wherever it appears. */
const DIRECTION = /(direction)(\s+)(TB|BT|RL|LR)/gi;

function entityCode(char: string): string {
  return `#${char.charCodeAt(0)};`;
}

/** The inside of `"..."` for entity names and aliases. */
export function mermaidQuoted(value: string): string {
  const escaped = value
    .replace(QUOTED_UNSAFE, entityCode)
    .replace(
      DIRECTION,
      (_m, word, space: string, dir) =>
        `${word}${space.replace(/\s/g, entityCode)}${dir}`,
    );
  return `"${escaped || '#32;'}"`;
}

/** A word that the lexer would split as a keyword (`PK id`, `one-x`, `u-x`). */
const ATTRIBUTE_KEYWORD = /^(?:pk|fk|uk)(?![A-Za-z0-9_])/i;
const LABEL_KEYWORD =
  /^(?:one|only|many|zero|optionally|to|u|o|pk|fk|uk|style|classdef|class|subgraph|end|erdiagram|direction|acctitle|accdescr)(?![A-Za-z0-9_])/i;

/** An attribute type or name: other characters become `_`, a bad start gets a `_` prefix. */
export function mermaidAttributeWord(value: string): string {
  // `\s` too: U+2000..U+3000 spaces sit in the allowed range but split words.
  const word = value.replace(/[^A-Za-z0-9\-_[\]().,*\u00C0-\uFFFF]|\s/g, '_');
  return /^[*A-Za-z_\u00C0-\uFFFF]/.test(word) && !ATTRIBUTE_KEYWORD.test(word)
    ? word
    : `_${word}`;
}

/** A bare relationship label (the text after `:`). */
export function mermaidLabelWord(value: string): string {
  const word = value.replace(/[^A-Za-z0-9_\-*.\u0080-\uFFFF]|\s/g, '_');
  return /^[A-Za-z_\u0080-\uFFFF]/.test(word) && !LABEL_KEYWORD.test(word)
    ? word
    : `_${word}`;
}
