/**
 * A forgiving SQL tokenizer: one pass, linear in the input, and it never
 * throws. An unterminated string, quoted name or comment runs to the end of
 * the input; Jinja blocks left in raw code become single `jinja` tokens.
 */
export type SqlTokenKind =
  | 'word'
  | 'quoted'
  | 'string'
  | 'number'
  | 'jinja'
  | 'symbol';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Words lower-cased; quoted names without their quotes (case kept). */
  text: string;
}

// Character codes, not regular expressions: this loop runs once per byte of SQL.
function isWordStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    code === 95 ||
    code >= 128
  );
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isWordPart(code: number): boolean {
  return isWordStart(code) || isDigit(code) || code === 36;
}

const CLOSING_QUOTE: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

/** Index just past the end of `close`, or the input's end. */
function skipTo(sql: string, from: number, close: string): number {
  const at = sql.indexOf(close, from);
  return at < 0 ? sql.length : at + close.length;
}

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '-' && next === '-') {
      i = skipTo(sql, i + 2, '\n');
    } else if (c === '/' && next === '*') {
      i = skipTo(sql, i + 2, '*/');
    } else if (c === '{' && (next === '{' || next === '%' || next === '#')) {
      const close = next === '{' ? '}}' : `${next}}`;
      const end = skipTo(sql, i + 2, close);
      tokens.push({ kind: 'jinja', text: sql.slice(i, end) });
      i = end;
    } else if (c === "'") {
      // '' is an escaped quote; a backslash escapes in some dialects.
      let j = i + 1;
      while (j < n) {
        if (sql[j] === '\\') j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      tokens.push({ kind: 'string', text: sql.slice(i + 1, Math.min(j, n)) });
      i = j + 1;
    } else if (
      c === '"' ||
      c === '`' ||
      (c === '[' && isWordStart(sql.charCodeAt(i + 1)))
    ) {
      const close = CLOSING_QUOTE[c];
      const end = sql.indexOf(close, i + 1);
      const stop = end < 0 ? n : end;
      tokens.push({ kind: 'quoted', text: sql.slice(i + 1, stop) });
      i = stop + 1;
    } else if (isWordStart(sql.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isWordPart(sql.charCodeAt(j))) j++;
      tokens.push({ kind: 'word', text: sql.slice(i, j).toLowerCase() });
      i = j;
    } else if (isDigit(sql.charCodeAt(i))) {
      let j = i + 1;
      while (
        j < n &&
        (isDigit(sql.charCodeAt(j)) ||
          sql[j] === '.' ||
          sql[j] === 'e' ||
          sql[j] === 'E')
      )
        j++;
      tokens.push({ kind: 'number', text: sql.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'symbol', text: c });
      i++;
    }
  }
  return tokens;
}

/** A name token: a bare word or a quoted identifier. */
export function isName(token: SqlToken | undefined): boolean {
  return (
    token !== undefined && (token.kind === 'word' || token.kind === 'quoted')
  );
}
