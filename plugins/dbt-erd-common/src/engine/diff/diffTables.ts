import { ErdColumn, ErdNode } from '../types';
import { addedAndRemoved, byCodeUnits, fieldChanges } from './fieldChanges';
import { ColumnChange, ColumnFields, TableChange, TableFields } from './types';

const TABLE_FIELDS: readonly (keyof TableFields)[] = [
  'name',
  'label',
  'description',
  'resource_type',
  'schema_name',
  'database',
];
const COLUMN_FIELDS: readonly (keyof ColumnFields)[] = [
  'data_type',
  'description',
  'is_primary_key',
  'is_foreign_key',
];

/** Columns keyed by name: a renamed column is one removed and one added. */
function diffColumns(
  base: ErdColumn[],
  head: ErdColumn[],
): TableChange['columns'] {
  const baseByName = new Map(base.map(c => [c.name, c]));
  const headByName = new Map(head.map(c => [c.name, c]));
  const changed: ColumnChange[] = [];
  for (const [name, baseColumn] of baseByName) {
    const headColumn = headByName.get(name);
    if (!headColumn) continue;
    const change = fieldChanges(baseColumn, headColumn, COLUMN_FIELDS);
    if (change) changed.push({ name, ...change });
  }
  return {
    ...addedAndRemoved(baseByName, headByName),
    changed: changed.sort((a, b) => byCodeUnits(a.name, b.name)),
  };
}

export interface TablesDiff {
  added: string[];
  removed: string[];
  changed: TableChange[];
}

/** Tables keyed by node id (dbt's unique_id, which a schema move keeps). */
export function diffTables(
  base: ReadonlyMap<string, ErdNode>,
  head: ReadonlyMap<string, ErdNode>,
): TablesDiff {
  const changed: TableChange[] = [];
  for (const [id, baseNode] of base) {
    const headNode = head.get(id);
    if (!headNode) continue;
    const fields = fieldChanges(baseNode, headNode, TABLE_FIELDS);
    const columns = diffColumns(baseNode.columns, headNode.columns);
    const columnsChanged =
      columns.added.length + columns.removed.length + columns.changed.length >
      0;
    if (!fields && !columnsChanged) continue;
    changed.push({
      id,
      from: fields?.from ?? {},
      to: fields?.to ?? {},
      columns,
    });
  }
  return {
    ...addedAndRemoved(base, head),
    changed: changed.sort((a, b) => byCodeUnits(a.id, b.id)),
  };
}
