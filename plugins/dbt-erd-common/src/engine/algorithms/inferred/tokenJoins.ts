import { RelationResolver } from './relationResolver';
import {
  SqlJoin,
  SqlSource,
  resolveSourceColumn,
  shortCondition,
} from './joinTypes';
import { SqlToken, isName, tokenizeSql } from './sqlTokens';

/** Words that end a relation reference or cannot be an alias. */
const NOT_ALIAS = new Set(
  (
    'on using join left right inner outer full cross natural lateral where group order ' +
    'having limit union except intersect qualify window select from as with and or ' +
    'when then else end asof pivot unpivot sample tablesample offset fetch for partition'
  ).split(' '),
);

/** Words after which a comma no longer lists another FROM relation. */
const FROM_CLAUSE_END = new Set(
  'where group order having limit union except intersect qualify window select on using'.split(
    ' ',
  ),
);

interface AliasDefinition {
  alias: string;
  source: SqlSource | null;
  at: number;
}

interface Reading {
  tokens: SqlToken[];
  resolver: RelationResolver;
  ctes: Map<string, SqlSource | null>;
  /** Definitions of each alias, in token order. */
  aliases: Map<string, AliasDefinition[]>;
  joins: SqlJoin[];
  /** A join condition used an alias defined more than once for different relations. */
  ambiguous: boolean;
  checkedAliases: Set<string>;
  /** Index of the matching `)` for each `(`. */
  closing: Int32Array;
}

function matchParentheses(tokens: SqlToken[]): Int32Array {
  const closing = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'symbol') return;
    if (token.text === '(') open.push(i);
    else if (token.text === ')' && open.length > 0) closing[open.pop()!] = i;
  });
  return closing;
}

/** A dotted name starting at `at`: its parts and the index after it. */
function readDottedName(
  tokens: SqlToken[],
  at: number,
): { parts: string[]; end: number } {
  const parts: string[] = [];
  let i = at;
  while (isName(tokens[i])) {
    parts.push(tokens[i].text);
    if (tokens[i + 1]?.text === '.' && isName(tokens[i + 2])) i += 2;
    else {
      i += 1;
      break;
    }
  }
  return { parts, end: i };
}

function sourceOfName(reading: Reading, parts: string[]): SqlSource | null {
  if (parts.length === 1) {
    const cte = reading.ctes.get(parts[0].toLowerCase());
    if (cte !== undefined) return cte;
  }
  const nodeId = reading.resolver.resolveName(parts);
  return nodeId ? { kind: 'node', nodeId } : null;
}

/**
 * The single relation a parenthesised query reads, at its own top level,
 * when it reads only one (`select ... from ref` with no join), with the
 * renames of its select list.
 */
function singleSource(
  reading: Reading,
  start: number,
  end: number,
): SqlSource | null {
  const { tokens } = reading;
  let from: SqlSource | null = null;
  let froms = 0;
  const renames = new Map<string, string>();
  let inSelect = false;
  for (let i = start; i < end; i++) {
    const token = tokens[i];
    if (
      token.kind === 'symbol' &&
      token.text === '(' &&
      reading.closing[i] > i
    ) {
      i = reading.closing[i];
      continue;
    }
    if (token.kind !== 'word') continue;
    if (token.text === 'select') inSelect = true;
    else if (token.text === 'from') {
      inSelect = false;
      froms++;
      const name = readDottedName(tokens, i + 1);
      if (name.parts.length > 0) from = sourceOfName(reading, name.parts);
    } else if (token.text === 'join' || token.text === 'union') return null;
    else if (inSelect && token.text === 'as' && isName(tokens[i + 1])) {
      // `x.id as customer_id` / `id as customer_id`
      const before = tokens[i - 1];
      if (isName(before))
        renames.set(
          tokens[i + 1].text.toLowerCase(),
          before.text.toLowerCase(),
        );
    }
  }
  if (froms !== 1 || !from) return null;
  return { kind: 'derived', base: from, renames };
}

function readCtes(reading: Reading) {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    // `name as (` at any depth: CTE bodies come in order, so later ones may use earlier ones.
    if (
      isName(tokens[i]) &&
      tokens[i + 1]?.text === 'as' &&
      tokens[i + 2]?.text === '(' &&
      (tokens[i - 1]?.text === 'with' ||
        tokens[i - 1]?.text === ',' ||
        tokens[i - 1]?.text === 'recursive')
    ) {
      const close = reading.closing[i + 2];
      if (close < 0) continue;
      reading.ctes.set(
        tokens[i].text.toLowerCase(),
        singleSource(reading, i + 3, close),
      );
    }
  }
}

function readAlias(
  tokens: SqlToken[],
  at: number,
): { alias: string | null; end: number } {
  let i = at;
  if (tokens[i]?.text === 'as' && tokens[i].kind === 'word') i++;
  const token = tokens[i];
  if (isName(token) && !(token.kind === 'word' && NOT_ALIAS.has(token.text))) {
    return { alias: token.text.toLowerCase(), end: i + 1 };
  }
  return { alias: null, end: at };
}

function addJoin(
  reading: Reading,
  left: SqlSource | null,
  leftColumn: string,
  right: SqlSource | null,
  rightColumn: string,
  condition: string,
) {
  const a = resolveSourceColumn(left, leftColumn.toLowerCase());
  const b = resolveSourceColumn(right, rightColumn.toLowerCase());
  if (a && b)
    reading.joins.push({
      left: a,
      right: b,
      condition: shortCondition(condition),
    });
}

function define(reading: Reading, definition: AliasDefinition) {
  const known = reading.aliases.get(definition.alias);
  if (known) known.push(definition);
  else reading.aliases.set(definition.alias, [definition]);
}

/** FROM / JOIN relations with their aliases, and the `using (...)` joins between them. */
function readRelations(reading: Reading) {
  const { tokens } = reading;
  // The previous relation of the FROM clause at each depth, for `using`.
  const previous = new Map<number, AliasDefinition>();
  let depth = 0;
  let listing = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'symbol') {
      if (token.text === '(') depth++;
      else if (token.text === ')') depth = Math.max(0, depth - 1);
    }
    const startsRelation =
      (token.kind === 'word' &&
        (token.text === 'from' || token.text === 'join')) ||
      (listing && token.text === ',');
    if (token.kind === 'word' && FROM_CLAUSE_END.has(token.text))
      listing = false;
    if (!startsRelation) continue;
    let source: SqlSource | null = null;
    let end: number;
    let defaultAlias: string | null = null;
    if (tokens[i + 1]?.text === '(' && reading.closing[i + 1] > i) {
      const close = reading.closing[i + 1];
      source = singleSource(reading, i + 2, close);
      end = close + 1;
    } else {
      const name = readDottedName(tokens, i + 1);
      if (name.parts.length === 0) continue;
      source = sourceOfName(reading, name.parts);
      defaultAlias = name.parts[name.parts.length - 1].toLowerCase();
      end = name.end;
    }
    const { alias, end: afterAlias } = readAlias(tokens, end);
    const definition: AliasDefinition = {
      alias: alias ?? defaultAlias ?? '',
      source,
      at: i,
    };
    if (definition.alias) define(reading, definition);
    if (alias && defaultAlias)
      define(reading, { alias: defaultAlias, source, at: i });
    if (token.text === 'from') listing = true;

    if (
      tokens[afterAlias]?.text === 'using' &&
      tokens[afterAlias + 1]?.text === '('
    ) {
      const close = reading.closing[afterAlias + 1];
      const before = previous.get(depth);
      for (let j = afterAlias + 2; before && j < close; j++) {
        if (!isName(tokens[j])) continue;
        const column = tokens[j].text;
        addJoin(
          reading,
          before.source,
          column,
          source,
          column,
          `using (${column})`,
        );
      }
    }
    previous.set(depth, definition);
  }
}

function sameSource(a: SqlSource | null, b: SqlSource | null): boolean {
  if (a === b) return true;
  return a?.kind === 'node' && b?.kind === 'node' && a.nodeId === b.nodeId;
}

/** The source a qualifier names at token `at`: the nearest definition before it, else after it. */
function sourceOfQualifier(
  reading: Reading,
  qualifier: string,
  at: number,
): { source: SqlSource | null; definitionAt: number } | null {
  const definitions = reading.aliases.get(qualifier);
  if (!definitions) return null;
  // Binary search: the last definition at or before `at`.
  let low = 0;
  let high = definitions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (definitions[middle].at <= at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const best = definitions[Math.max(found, 0)];
  if (
    !reading.ambiguous &&
    definitions.length > 1 &&
    !reading.checkedAliases.has(qualifier)
  ) {
    // Once per alias: a megabyte of joins reuses one alias 10^4 times.
    reading.checkedAliases.add(qualifier);
    reading.ambiguous = definitions.some(
      d => !sameSource(d.source, definitions[0].source),
    );
  }
  return { source: best.source, definitionAt: best.at };
}

/** A qualified column ending at `end` (exclusive) or starting at `start`. */
function qualifiedBefore(
  tokens: SqlToken[],
  end: number,
): { qualifier: string; column: string; start: number } | null {
  const column = tokens[end - 1];
  if (
    !isName(column) ||
    tokens[end - 2]?.text !== '.' ||
    !isName(tokens[end - 3])
  )
    return null;
  return {
    qualifier: tokens[end - 3].text.toLowerCase(),
    column: column.text,
    start: end - 3,
  };
}

function qualifiedAfter(
  tokens: SqlToken[],
  start: number,
): { qualifier: string; column: string; end: number } | null {
  const name = readDottedName(tokens, start);
  if (name.parts.length < 2) return null;
  const parts = name.parts;
  return {
    qualifier: parts[parts.length - 2].toLowerCase(),
    column: parts[parts.length - 1],
    end: name.end,
  };
}

function readEqualities(reading: Reading) {
  const { tokens } = reading;
  for (let i = 1; i < tokens.length - 1; i++) {
    const token = tokens[i];
    if (token.kind !== 'symbol' || token.text !== '=') continue;
    const before = tokens[i - 1];
    if (before.kind === 'symbol' && '<>!=:'.includes(before.text)) continue;
    if (tokens[i + 1].kind === 'symbol' && tokens[i + 1].text === '=') continue;
    const left = qualifiedBefore(tokens, i);
    const right = qualifiedAfter(tokens, i + 1);
    if (!left || !right) continue;
    const a = sourceOfQualifier(reading, left.qualifier, i);
    const b = sourceOfQualifier(reading, right.qualifier, i);
    if (!a || !b) continue;
    // Same alias on both sides compares a row with itself: no relationship.
    if (a.definitionAt === b.definitionAt && left.qualifier === right.qualifier)
      continue;
    addJoin(
      reading,
      a.source,
      left.column,
      b.source,
      right.column,
      `${left.qualifier}.${left.column} = ${right.qualifier}.${right.column}`,
    );
  }
}

/**
 * Join conditions read from tokens alone: FROM/JOIN relations and their
 * aliases, CTEs and subqueries that read one relation, `a.x = b.y`
 * anywhere, and `using (x)`. Never throws; linear in the tokens except for
 * alias lookups, which are per distinct alias.
 */
export function tokenJoins(
  sql: string,
  resolver: RelationResolver,
): { joins: SqlJoin[]; ambiguous: boolean } {
  const tokens = tokenizeSql(sql);
  const reading: Reading = {
    tokens,
    resolver,
    ctes: new Map(),
    aliases: new Map(),
    joins: [],
    ambiguous: false,
    checkedAliases: new Set(),
    closing: matchParentheses(tokens),
  };
  readCtes(reading);
  readRelations(reading);
  readEqualities(reading);
  return { joins: reading.joins, ambiguous: reading.ambiguous };
}
