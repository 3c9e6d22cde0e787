import { Parser as BigQueryParser } from 'node-sql-parser/build/bigquery';
import { Parser as PostgresParser } from 'node-sql-parser/build/postgresql';
import { Parser as SnowflakeParser } from 'node-sql-parser/build/snowflake';
import { Parser as TransactSqlParser } from 'node-sql-parser/build/transactsql';
import { Parser as TrinoParser } from 'node-sql-parser/build/trino';
import { RelationResolver } from './relationResolver';
import {
  JoinSide,
  SqlJoin,
  SqlSource,
  resolveSourceColumn,
  shortCondition,
} from './joinTypes';

/**
 * node-sql-parser's grammar for each dbt adapter. Each grammar is a separate
 * build (~250 KB minified), so only five are bundled: adapters without their
 * own (duckdb, redshift, fal, spark...) use the PostgreSQL one, the closest
 * common ground, and fall back to the tokenizer where it does not fit.
 */
const DIALECTS = {
  postgresql: PostgresParser,
  snowflake: SnowflakeParser,
  bigquery: BigQueryParser,
  transactsql: TransactSqlParser,
  trino: TrinoParser,
} as const;

type Dialect = keyof typeof DIALECTS;

const DIALECT_BY_ADAPTER: Record<string, Dialect> = {
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  sqlserver: 'transactsql',
  fabric: 'transactsql',
  synapse: 'transactsql',
  athena: 'trino',
  trino: 'trino',
  starburst: 'trino',
};

export function dialectFor(adapterType: string | null): Dialect {
  const adapter = (adapterType ?? '').toLowerCase();
  return Object.hasOwn(DIALECT_BY_ADAPTER, adapter)
    ? DIALECT_BY_ADAPTER[adapter]
    : 'postgresql';
}

const parsers = new Map<
  Dialect,
  { astify(sql: string, options: object): unknown }
>();

function parserFor(dialect: Dialect) {
  let parser = parsers.get(dialect);
  if (!parser) {
    parser = new DIALECTS[dialect]();
    parsers.set(dialect, parser);
  }
  return parser;
}

type AstNode = Record<string, any>;

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null;
}

/** node-sql-parser writes names as strings or `{ value }` / `{ expr: { value } }`. */
function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!isNode(value)) return null;
  if (typeof value.value === 'string') return value.value;
  return isNode(value.expr) ? nameOf(value.expr) : null;
}

interface Scope {
  ctes: Map<string, SqlSource | null>;
  resolver: RelationResolver;
  joins: SqlJoin[];
}

function selectOf(statement: unknown): AstNode | null {
  if (!isNode(statement)) return null;
  if (isNode(statement.ast)) return selectOf(statement.ast);
  return statement.type === 'select' ? statement : null;
}

function tableSource(item: AstNode, scope: Scope): SqlSource | null {
  if (isNode(item.expr) && (item.expr.ast || item.expr.type === 'select')) {
    const inner = selectOf(item.expr);
    return inner ? readSelect(inner, scope) : null;
  }
  const table = nameOf(item.table);
  if (!table) return null;
  const parts = [item.catalog ?? item.db, item.schema, table]
    .map(nameOf)
    .filter((p): p is string => Boolean(p));
  if (item.db && item.catalog && item.db === item.catalog && parts.length > 3)
    parts.splice(1, 1);
  if (parts.length === 1) {
    const cte = scope.ctes.get(table.toLowerCase());
    if (cte !== undefined) return cte;
  }
  const nodeId = scope.resolver.resolveName(parts);
  return nodeId ? { kind: 'node', nodeId } : null;
}

function columnRef(
  expression: unknown,
): { table: string; column: string } | null {
  if (!isNode(expression) || expression.type !== 'column_ref') return null;
  const table = nameOf(expression.table);
  const column = nameOf(expression.column);
  return table && column
    ? { table: table.toLowerCase(), column: column.toLowerCase() }
    : null;
}

function addJoin(
  scope: Scope,
  left: JoinSide | null,
  right: JoinSide | null,
  condition: string,
) {
  if (left && right)
    scope.joins.push({ left, right, condition: shortCondition(condition) });
}

/** Every `x.a = y.b` inside an expression tree (ON, WHERE, nested AND/OR). */
function readEqualities(
  expression: unknown,
  aliases: Map<string, SqlSource | null>,
  scope: Scope,
  budget = { nodes: 10_000 },
) {
  if (!isNode(expression) || --budget.nodes < 0) return;
  if (expression.type === 'binary_expr') {
    if (expression.operator === '=') {
      const left = columnRef(expression.left);
      const right = columnRef(expression.right);
      if (
        left &&
        right &&
        left.table !== right.table &&
        aliases.has(left.table) &&
        aliases.has(right.table)
      ) {
        addJoin(
          scope,
          resolveSourceColumn(aliases.get(left.table) ?? null, left.column),
          resolveSourceColumn(aliases.get(right.table) ?? null, right.column),
          `${left.table}.${left.column} = ${right.table}.${right.column}`,
        );
        return;
      }
    }
    readEqualities(expression.left, aliases, scope, budget);
    readEqualities(expression.right, aliases, scope, budget);
  } else if (Array.isArray(expression.value)) {
    for (const item of expression.value)
      readEqualities(item, aliases, scope, budget);
  } else if (isNode(expression.expr)) {
    readEqualities(expression.expr, aliases, scope, budget);
  }
}

function renamesOf(select: AstNode): Map<string, string> {
  const renames = new Map<string, string>();
  for (const column of Array.isArray(select.columns) ? select.columns : []) {
    const alias = nameOf(column?.as);
    const ref =
      isNode(column?.expr) && column.expr.type === 'column_ref'
        ? nameOf(column.expr.column)
        : null;
    if (alias && ref) renames.set(alias.toLowerCase(), ref.toLowerCase());
  }
  return renames;
}

/**
 * Reads one SELECT (its CTEs, FROM items, joins and WHERE) and returns
 * what it stands for as a relation: the one table it reads, if only one.
 */
function readSelect(select: AstNode, outer: Scope): SqlSource | null {
  const scope: Scope = { ...outer, ctes: new Map(outer.ctes) };
  for (const cte of Array.isArray(select.with) ? select.with : []) {
    const name = nameOf(cte?.name);
    const body = selectOf(cte?.stmt);
    if (!name || !body) continue;
    scope.ctes.set(name.toLowerCase(), readSelect(body, scope));
  }
  const from: AstNode[] = Array.isArray(select.from)
    ? select.from.filter(isNode)
    : [];
  const aliases = new Map<string, SqlSource | null>();
  const sources: (SqlSource | null)[] = [];
  for (const item of from) {
    const source = tableSource(item, scope);
    sources.push(source);
    const alias = nameOf(item.as) ?? nameOf(item.table);
    if (alias) aliases.set(alias.toLowerCase(), source);
    const table = nameOf(item.table);
    if (table && !aliases.has(table.toLowerCase()))
      aliases.set(table.toLowerCase(), source);
  }
  from.forEach((item, i) => {
    if (i > 0 && Array.isArray(item.using)) {
      for (const column of item.using) {
        const name = nameOf(column)?.toLowerCase();
        if (!name) continue;
        addJoin(
          scope,
          resolveSourceColumn(sources[i - 1], name),
          resolveSourceColumn(sources[i], name),
          `using (${name})`,
        );
      }
    }
    readEqualities(item.on, aliases, scope);
  });
  readEqualities(select.where, aliases, scope);
  if (isNode(select._next)) {
    const next = selectOf(select._next);
    if (next) readSelect(next, scope);
    return null;
  }
  if (from.length !== 1) return null;
  return { kind: 'derived', base: sources[0], renames: renamesOf(select) };
}

/**
 * Join conditions read from node-sql-parser's AST. Throws whatever the
 * parser throws on SQL its grammar does not cover; the caller falls back
 * to the tokenizer.
 */
export function parserJoins(
  sql: string,
  dialect: Dialect,
  resolver: RelationResolver,
): SqlJoin[] {
  const ast = parserFor(dialect).astify(sql, { database: dialect });
  const scope: Scope = { ctes: new Map(), resolver, joins: [] };
  for (const statement of Array.isArray(ast) ? ast : [ast]) {
    const select = selectOf(statement);
    if (select) readSelect(select, scope);
  }
  return scope.joins;
}
