/** One side of a join condition, resolved to an ERD node. */
export interface JoinSide {
  nodeId: string;
  /** Lower-cased. */
  column: string;
}

/** `a.x = b.y` (or `using (x)`) between two relations that are ERD nodes. */
export interface SqlJoin {
  left: JoinSide;
  right: JoinSide;
  /** The condition as written, shortened, for the edge's evidence. */
  condition: string;
}

/**
 * What a name in a FROM clause stands for: an ERD node, or a CTE or
 * subquery that reads from one (`base`), with the columns it renames
 * (`id as customer_id` maps `customer_id` to `id`).
 */
export type SqlSource =
  | { kind: 'node'; nodeId: string }
  | { kind: 'derived'; base: SqlSource | null; renames: Map<string, string> };

/** The node column behind `column` of `source`, through CTEs and subqueries. */
export function resolveSourceColumn(
  source: SqlSource | null,
  column: string,
): JoinSide | null {
  let current = source;
  let name = column;
  // Bounded: sources only nest as deep as the SQL text they came from.
  for (let depth = 0; current && depth < 64; depth++) {
    if (current.kind === 'node')
      return { nodeId: current.nodeId, column: name };
    name = current.renames.get(name) ?? name;
    current = current.base;
  }
  return null;
}

const MAX_CONDITION = 120;

export function shortCondition(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_CONDITION
    ? `${flat.slice(0, MAX_CONDITION - 1)}…`
    : flat;
}
