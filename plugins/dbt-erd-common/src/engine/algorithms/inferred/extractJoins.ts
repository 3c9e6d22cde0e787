import { IndexedNode } from '../../artifacts/types';
import { SqlJoin } from './joinTypes';
import { dialectFor, parserJoins } from './parserJoins';
import { RelationResolver, renderRawSql } from './relationResolver';
import { tokenJoins } from './tokenJoins';

/**
 * Statements longer than this skip the parser: its PEG grammar costs about
 * 15 µs per byte, and dbt models this long are mostly generated unions.
 */
export const MAX_PARSED_SQL_BYTES = 32_000;

/** How each model's SQL was read. */
export interface JoinReadingCounts {
  /** Read by node-sql-parser (the tokenizer found aliases it could not place). */
  parser: number;
  /** Read by the tokenizer alone, or after the parser failed. */
  tokenizer: number;
  /** Models without SQL, or whose SQL has no join at all. */
  skipped: number;
}

/** Joins are written with JOIN, or as `from a, b where a.x = b.y`. */
const MAY_JOIN = /\b(join|where)\b/i;

/** The model's SQL as plain SQL, with ref()/source() resolved when it is raw code. */
function plainSql(
  node: IndexedNode,
  resolver: RelationResolver,
): string | null {
  const sql = node.modelSql;
  if (!sql) return null;
  return sql.compiled ? sql.code : renderRawSql(sql.code, resolver);
}

/**
 * Reads the joins of models' SQL. The tokenizer reads every model: it is
 * linear and ~10× faster than node-sql-parser, and on dbt's mostly flat
 * CTE-style SQL it finds the same joins. Where it cannot tell which of two
 * relations an alias names (one alias defined twice, in different scopes),
 * node-sql-parser reads the statement with real scoping, in the adapter's
 * dialect; when its grammar fails (dialect features, leftover Jinja) the
 * tokenizer's reading stands.
 */
export class ModelJoinReader {
  readonly counts: JoinReadingCounts = { parser: 0, tokenizer: 0, skipped: 0 };
  private readonly dialect: ReturnType<typeof dialectFor>;

  constructor(
    private readonly resolver: RelationResolver,
    adapterType: string | null,
    private readonly useParser: boolean,
  ) {
    this.dialect = dialectFor(adapterType);
  }

  /** The joins in one model's SQL; never throws. */
  read(node: IndexedNode): SqlJoin[] {
    const sql = plainSql(node, this.resolver);
    // Cheap pre-check: most models join nothing.
    if (!sql || !MAY_JOIN.test(sql)) {
      this.counts.skipped++;
      return [];
    }
    let tokens: ReturnType<typeof tokenJoins>;
    try {
      tokens = tokenJoins(sql, this.resolver);
    } catch {
      // tokenJoins is written not to throw; a bug there must not cost the whole ERD.
      tokens = { joins: [], ambiguous: true };
    }
    if (
      tokens.ambiguous &&
      this.useParser &&
      sql.length <= MAX_PARSED_SQL_BYTES
    ) {
      try {
        const joins = parserJoins(sql, this.dialect, this.resolver);
        this.counts.parser++;
        return joins;
      } catch {
        // The grammar does not cover this SQL: the tokenizer's reading stands.
      }
    }
    this.counts.tokenizer++;
    return tokens.joins;
  }
}
