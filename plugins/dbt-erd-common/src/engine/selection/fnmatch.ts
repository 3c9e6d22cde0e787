/**
 * Python's `fnmatch.fnmatchcase`, as dbterd's `wildcard:` rule uses it:
 * `*` any run (dots included), `?` one character, `[seq]` / `[!seq]` a set
 * with `a-z` ranges; the whole name must match. There is no quoting, and an
 * unclosed `[` is a literal `[`.
 *
 * No regular expression is involved: a pattern is parsed once into tokens
 * that each consume one character (or, for `*`, any run), and matched with
 * the classic single-backtrack-point glob walk, O(name × pattern) at worst.
 * A regex translation backtracks exponentially on patterns such as
 * `*?*?*?*?x`, which froze the backend on one request.
 *
 * Characters are code points, as in Python.
 */

/** One inclusive code-point range of a set. */
type CodePointRange = readonly [number, number];

type GlobToken =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'literal'; codePoint: number }
  | { kind: 'set'; negated: boolean; ranges: CodePointRange[] };

const codePointOf = (char: string) => char.codePointAt(0)!;

/**
 * The body of `[...]` (without the brackets), read exactly as CPython's
 * `fnmatch.translate` reads it: split at the hyphens that make ranges, drop
 * reversed ranges such as `z-a` (together with their end points), then a
 * leading `!` negates. A set left empty matches nothing; `!` alone matches
 * any character.
 */
function parseSet(body: string[]): GlobToken {
  let chunks: string[][];
  if (!body.includes('-')) {
    chunks = [body];
  } else {
    chunks = [];
    let start = 0;
    let k = body[0] === '!' ? 2 : 1;
    for (;;) {
      k = k < body.length ? body.indexOf('-', k) : -1;
      if (k < 0) break;
      chunks.push(body.slice(start, k));
      start = k + 1;
      k += 3;
    }
    const last = body.slice(start);
    if (last.length > 0) chunks.push(last);
    else chunks[chunks.length - 1].push('-');
    for (let c = chunks.length - 1; c > 0; c--) {
      const before = chunks[c - 1];
      if (codePointOf(before[before.length - 1]) > codePointOf(chunks[c][0])) {
        chunks[c - 1] = [...before.slice(0, -1), ...chunks[c].slice(1)];
        chunks.splice(c, 1);
      }
    }
  }

  const negated = chunks[0][0] === '!';
  if (negated) chunks[0] = chunks[0].slice(1);
  const ranges: CodePointRange[] = [];
  chunks.forEach((chunk, c) => {
    // Between two chunks, the last character of one and the first of the next
    // are the ends of a range; every other character stands for itself.
    const first = c > 0 ? 1 : 0;
    const end = c < chunks.length - 1 ? chunk.length - 1 : chunk.length;
    for (let i = first; i < end; i++) {
      const codePoint = codePointOf(chunk[i]);
      ranges.push([codePoint, codePoint]);
    }
    if (c < chunks.length - 1) {
      ranges.push([
        codePointOf(chunk[chunk.length - 1]),
        codePointOf(chunks[c + 1][0]),
      ]);
    }
  });
  return { kind: 'set', negated, ranges };
}

function parsePattern(pattern: string): GlobToken[] {
  const chars = Array.from(pattern);
  const tokens: GlobToken[] = [];
  let i = 0;
  while (i < chars.length) {
    const char = chars[i++];
    if (char === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') {
        tokens.push({ kind: 'star' });
      }
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      let j = i;
      if (chars[j] === '!') j++;
      if (chars[j] === ']') j++;
      while (j < chars.length && chars[j] !== ']') j++;
      if (j >= chars.length) {
        tokens.push({ kind: 'literal', codePoint: codePointOf('[') });
      } else {
        tokens.push(parseSet(chars.slice(i, j)));
        i = j + 1;
      }
    } else {
      tokens.push({ kind: 'literal', codePoint: codePointOf(char) });
    }
  }
  return tokens;
}

function matchesOne(token: GlobToken, codePoint: number): boolean {
  switch (token.kind) {
    case 'any':
      return true;
    case 'literal':
      return token.codePoint === codePoint;
    case 'set': {
      const inSet = token.ranges.some(
        ([low, high]) => codePoint >= low && codePoint <= high,
      );
      return inSet !== token.negated;
    }
    default:
      return false;
  }
}

function matchTokens(tokens: GlobToken[], name: string): boolean {
  const codePoints = Array.from(name, codePointOf);
  let t = 0;
  let n = 0;
  // Where the last `*` was, and how much of the name it has swallowed so far.
  let starToken = -1;
  let starName = 0;
  while (n < codePoints.length) {
    if (t < tokens.length && tokens[t].kind === 'star') {
      starToken = t++;
      starName = n;
    } else if (t < tokens.length && matchesOne(tokens[t], codePoints[n])) {
      t++;
      n++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      n = ++starName;
    } else {
      return false;
    }
  }
  while (t < tokens.length && tokens[t].kind === 'star') t++;
  return t === tokens.length;
}

/** Parses the pattern once; the returned test may run on every node. */
export function compileFnmatch(pattern: string): (name: string) => boolean {
  const tokens = parsePattern(pattern);
  return name => matchTokens(tokens, name);
}

export function fnmatch(name: string, pattern: string): boolean {
  return compileFnmatch(pattern)(name);
}
