import { ErdColumn, ErdNode } from 'backstage-plugin-dbt-erd-common';
import { ShowMode } from './types';

/**
 * The columns a table shows in a mode. "keys" keeps primary and foreign keys
 * and any column a relationship points at, so that every edge still has a
 * column to attach to even when dbt does not flag it as a key.
 */
export function visibleColumns(
  node: ErdNode,
  showMode: ShowMode,
  referencedColumns?: ReadonlySet<string>,
  /** Columns of stated keys (see columnKeys), kept in "keys" mode. */
  keyColumns?: ReadonlyMap<string, unknown>,
): ErdColumn[] {
  if (showMode === 'names') return [];
  if (showMode === 'all') return node.columns;
  return node.columns.filter(
    c =>
      c.is_primary_key ||
      c.is_foreign_key ||
      referencedColumns?.has(c.name.toLowerCase()) ||
      keyColumns?.has(c.name.toLowerCase()),
  );
}
