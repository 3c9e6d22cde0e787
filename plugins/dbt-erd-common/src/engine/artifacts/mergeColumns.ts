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
  for (const documented of manifestColumns) {
    const wanted = documented.name.toLowerCase();
    const found = columns.find(c => c.name.toLowerCase() === wanted);
    if (found) {
      found.description = found.description || documented.description;
    } else {
      columns.push({
        name: wanted,
        dataType: (documented.dataType || 'unknown').toLowerCase(),
        description: documented.description,
      });
    }
  }
  return columns;
}
