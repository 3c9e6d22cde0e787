import { Erd } from 'backstage-plugin-dbt-erd-common';

/** A column's part in a key the project states or a relationship implies. */
export interface ColumnKey {
  /** `PK`: primary (constraint, unique + not_null, or referenced by a relationship); `UK`: unique only. */
  mark: 'PK' | 'UK';
  /** All columns of the key when it is composite (dbt_utils.unique_combination_of_columns). */
  composite?: string[];
}

/**
 * Key marks per table and lower-cased column, from the engine's
 * `extras.keys` (primary_key constraints, unique + not_null tests,
 * unique_combination_of_columns) and from the referenced side of every
 * relationship. A primary mark wins over a unique one.
 */
export function columnKeys(erd: Erd): Map<string, Map<string, ColumnKey>> {
  const byTable = new Map<string, Map<string, ColumnKey>>();
  const set = (tableId: string, column: string, key: ColumnKey) => {
    let columns = byTable.get(tableId);
    if (!columns) byTable.set(tableId, (columns = new Map()));
    const name = column.toLowerCase();
    const had = columns.get(name);
    if (!had || (had.mark === 'UK' && key.mark === 'PK'))
      columns.set(name, key);
  };
  for (const [tableId, keys] of Object.entries(erd.extras?.keys ?? {})) {
    for (const key of keys) {
      const composite = key.columns.length > 1 ? key.columns : undefined;
      const mark = key.kind === 'primary' ? 'PK' : 'UK';
      key.columns.forEach(c => set(tableId, c, { mark, composite }));
    }
  }
  for (const edge of erd.edges) {
    const composite = edge.to_columns.length > 1 ? edge.to_columns : undefined;
    edge.to_columns.forEach(c => set(edge.to_id, c, { mark: 'PK', composite }));
  }
  return byTable;
}

/** "PK", "UK", "FK" or "PK FK", as the node and the drawer print them. */
export function keyMarks(
  key: ColumnKey | undefined,
  isPrimaryKey: boolean,
  isForeignKey: boolean,
): string[] {
  const marks: string[] = [];
  if (key?.mark === 'PK' || isPrimaryKey) marks.push('PK');
  else if (key?.mark === 'UK') marks.push('UK');
  if (isForeignKey) marks.push('FK');
  return marks;
}
