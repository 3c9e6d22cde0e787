/**
 * Strict checks of the text formats that have no parser runnable here
 * (PlantUML, D2, GraphViz). Each check knows the exact line shapes its
 * target writes and the quoting rules of the format, and returns the
 * problems it finds (empty when the document is well formed):
 * - every line has one of the target's shapes, so no name broke out of its
 *   quotes or started a line of its own;
 * - quoted strings are closed on their line and use only the format's
 *   escapes; bare names hold only characters the format allows bare;
 * - braces and quotes balance;
 * - `unquote` of each quoted name gives back the original text, so the
 *   escaping loses nothing (where the format has a lossless escape).
 */

export interface CheckedDocument {
  problems: string[];
  /** Quoted or bare names, unescaped, in order of appearance. */
  names: string[];
}

/**
 * `lineBreaks`: what the format's reader ends a line at besides `\n`
 * (`\r` everywhere; U+2028/9 too where the escaping keeps them out anyway,
 * as editors show them as line breaks).
 */
function lineChecker(
  text: string,
  shapes: RegExp[],
  onMatch: (m: RegExpExecArray, names: string[]) => void,
  lineBreaks: RegExp = /[\r\u2028\u2029]/,
): CheckedDocument {
  const problems: string[] = [];
  const names: string[] = [];
  if (!text.endsWith('\n')) problems.push('no final newline');
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, i) => {
    if (lineBreaks.test(line))
      problems.push(`line ${i + 1} holds a raw line break`);
    const match = shapes
      .map(shape => shape.exec(line))
      .find((m): m is RegExpExecArray => m !== null);
    if (!match)
      problems.push(
        `line ${i + 1} has no known shape: ${JSON.stringify(line)}`,
      );
    else onMatch(match, names);
  });
  return { problems, names };
}

/** Names of the named groups that matched, in the order the pattern names them. */
function captured(
  m: RegExpExecArray,
  unquote: (s: string) => string,
): string[] {
  return Object.entries(m.groups ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([, v]) => unquote(v));
}

// --- PlantUML: no escapes; `"` ends a name. `<U+XXXX>` stands for a character.
// No raw `%` or `$` anywhere: the preprocessor expands them even in quotes.
const PU_QUOTED = '"[^"\\n%$]*"';
// Member text: no `:` `{` `}` `"` `%` `$` and no `<` `>` except in `<U+XXXX>`.
const PU_TEXT = '(?:[^:{}"<>%$\\n]|<U\\+[0-9A-F]{4,6}>)*';

export function unescapePlantuml(text: string): string {
  return text.replace(/<U\+([0-9A-F]{4,6})>/g, (_m, hex) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

export function checkPlantuml(text: string): CheckedDocument {
  const unquote = (s: string) =>
    unescapePlantuml(s.startsWith('"') ? s.slice(1, -1) : s);
  const shapes = [
    /^@startuml$/,
    /^@enduml$/,
    new RegExp(`^entity (?<entity>${PU_QUOTED}) \\{$`),
    new RegExp(`^ {4}\\*(?<pk>${PU_TEXT}) : (?<pkType>${PU_TEXT}) <<PK>>$`),
    // A non-key member must not start like a key or visibility marker.
    new RegExp(
      `^ {4}(?<member>(?![*#+\\-~])${PU_TEXT}) : (?<type>${PU_TEXT})$`,
    ),
    /^ {4}--$/,
    /^ {2}\}$/,
    new RegExp(
      `^ {2}(?<from>${PU_QUOTED}) [}|o]{2}--[|{o]{2} (?<to>${PU_QUOTED})$`,
    ),
  ];
  const result = lineChecker(text, shapes, (m, names) =>
    names.push(...captured(m, unquote)),
  );
  if (!text.startsWith('@startuml\n') || !text.endsWith('@enduml\n'))
    result.problems.push('not wrapped in @startuml / @enduml');
  return result;
}

// --- D2: double-quoted strings with backslash escapes; `$` must be escaped.
const D2_QUOTED = '"(?:[^"\\\\\\n$]|\\\\[^\\n])*"';
const D2_BARE_KEY = '[\\p{L}\\p{N}_]+(?: [\\p{L}\\p{N}_]+)*';
const D2_BARE_VALUE =
  '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_ (),.]*[\\p{L}\\p{N}_(),.])?';

export function unescapeD2(text: string): string {
  if (!text.startsWith('"')) return text;
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
  return text.slice(1, -1).replace(/\\(.)/g, (_m, c) => escapes[c] ?? c);
}

export function checkD2(text: string): CheckedDocument {
  const shapes = [
    new RegExp(`^(?<table>${D2_QUOTED}): \\{$`, 'u'),
    /^ {2}shape: sql_table$/,
    new RegExp(
      `^ {2}(?<column>${D2_QUOTED}|${D2_BARE_KEY}): (?<type>${D2_QUOTED}|${D2_BARE_VALUE})(?: \\{constraint: primary_key\\})?$`,
      'u',
    ),
    /^\}$/,
    new RegExp(
      `^(?<from>${D2_QUOTED}) -> (?<to>${D2_QUOTED}): (?<label>${D2_QUOTED})$`,
      'u',
    ),
  ];
  const result = lineChecker(
    text,
    shapes,
    (m, names) => {
      if (
        m.groups?.column &&
        /^(shape|label|style|near|link|null)$/i.test(m.groups.column)
      )
        names.push('<reserved key left bare>');
      names.push(...captured(m, unescapeD2));
    },
    /\r/,
  ); // D2's Go lexer reads U+2028 in a quoted string as a plain character.
  // Counted per `\n` line: a regex's `^`/`$` would also split at U+2028.
  const lines = text.split('\n');
  const opens = lines.filter(l => l.endsWith(': {')).length;
  const closes = lines.filter(l => l === '}').length;
  if (opens !== closes)
    result.problems.push(`braces: ${opens} opened, ${closes} closed`);
  return result;
}

// --- GraphViz: DOT quoted strings (`\"`, `\\`), HTML-like labels.
const DOT_QUOTED = '"(?:[^"\\\\\\n]|\\\\[^\\n])*"';
// HTML text: no raw `<` `>` `"`, `&` only as an entity; `<br/>` for line breaks.
const HTML_TEXT = '(?:[^<>&"\\n]|&(?:amp|lt|gt|quot|#39);|<br/>)*';

export function unescapeDot(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, (_m, c) => (c === 'n' ? '\n' : c));
}

export function unescapeHtml(text: string): string {
  const entities: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    '#39': "'",
  };
  return text
    .replace(/<br\/>/g, '\n')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e) => entities[e]);
}

export function checkGraphviz(text: string): CheckedDocument {
  const fixed = [
    /^digraph g \{$/,
    /^ {2}fontname="Helvetica,Arial,sans-serif"$/,
    /^ {2}(?:node|edge) \[fontname="Helvetica,Arial,sans-serif"\]$/,
    /^ {2}graph \[fontsize=30 labelloc="t" label="" splines=true overlap=false rankdir="LR"\];$/,
    /^ {2}ratio=auto;$/,
    /^ {4}(?:style = "filled, bold"|penwidth = 1|fillcolor = "white"|fontname = "Courier New"|shape = "Mrecord"|label =<|fontsize = 12|fontcolor = "black")$/,
    /^ {6}<table border="0" cellborder="0" cellpadding="3" bgcolor="white">$/,
    /^ {6}<\/table>> \];$/,
    /^ {2}\];$/,
    /^\}$/,
  ];
  const shapes = [
    ...fixed,
    new RegExp(`^ {2}(?<node>${DOT_QUOTED}) \\[$`),
    new RegExp(
      `^ {9}<tr><td bgcolor="black" align="center" colspan="2"><font color="white">(?<title>${HTML_TEXT})</font></td></tr>$`,
    ),
    new RegExp(
      `^ {9}<tr><td align="left">(?:<b>(?<pk>${HTML_TEXT}) \\[PK\\]</b>|(?<column>${HTML_TEXT}))</td></tr>$`,
    ),
    new RegExp(`^ {2}(?<from>${DOT_QUOTED}) -> (?<to>${DOT_QUOTED}) \\[$`),
    new RegExp(`^ {4}label = (?<label>${DOT_QUOTED})$`),
  ];
  return lineChecker(text, shapes, (m, names) =>
    names.push(
      ...captured(m, s =>
        s.startsWith('"') ? unescapeDot(s) : unescapeHtml(s),
      ),
    ),
  );
}
