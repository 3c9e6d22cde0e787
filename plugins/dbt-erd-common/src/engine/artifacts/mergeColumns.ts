import { IndexedColumn } from './types';

/** A column as the manifest documents it (key unquoted, not lower-cased). */
export interface ManifestColumn {
  name: string;
  dataType: string | null;
  description: string;
}

/**
 * dbterd's column list: the catalog's columns (what the warehouse really
 * has, in its order), then documented columns the catalog lacks. A
 * documented description fills an empty catalog comment.
 */
export function mergeColumns(
  catalogColumns: IndexedColumn[] | undefined,
  manifestColumns: ManifestColumn[],
): IndexedColumn[] {
  const columns: IndexedColumn[] = (catalogColumns ?? []).map(c => ({ ...c }));
  // First column of each lower-cased name: a lookup per documented column
  // instead of a scan keeps 10^5-column tables linear.
  const byName = new Map<string, IndexedColumn>();
  for (const column of columns) {
    const key = column.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, column);
  }
  for (const documented of manifestColumns) {
    const wanted = documented.name.toLowerCase();
    const found = byName.get(wanted);
    if (found) {
      found.description = found.description || documented.description;
    } else {
      const column = {
        name: wanted,
        dataType: (documented.dataType || 'unknown').toLowerCase(),
        description: documented.description,
      };
      columns.push(column);
      byName.set(wanted, column);
    }
  }
  return columns;
}
