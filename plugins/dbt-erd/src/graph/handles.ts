/** Which side of a table an edge leaves or enters. */
export type Side = 'l' | 'r';

/**
 * Handle ids: one pair per column that a relationship uses, plus a pair on
 * the header for modes that hide the column (or when the column is unknown).
 */
export function handleId(column: string | undefined, side: Side): string {
  return column ? `col:${column.toLowerCase()}:${side}` : `table:${side}`;
}
