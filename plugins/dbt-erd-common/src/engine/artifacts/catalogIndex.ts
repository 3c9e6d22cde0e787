import {
  FieldPath,
  JsonRecord,
  asRecord,
  childPath,
  isRecord,
  readRecord,
  readString,
} from './readers';
import { relationKey, unquoteColumnName } from './relationKey';
import { IndexedColumn } from './types';

const CATALOG: FieldPath = { file: 'catalog.json', path: '' };

/** Catalog columns of one relation, in catalog order. */
export type CatalogColumns = IndexedColumn[];

export interface CatalogLookup {
  /**
   * Columns for a manifest node: by unique_id in its own section, then in
   * any section, then case-insensitively (upper-case keys), then by the
   * relation the node builds (catalogs written for another project state).
   */
  find(
    uniqueId: string,
    section: 'nodes' | 'sources',
    relation: string,
  ): CatalogColumns | undefined;
}

function readCatalogColumns(entry: JsonRecord, at: FieldPath): CatalogColumns {
  const columns = readRecord(entry, 'columns', at);
  return Object.entries(columns).map(([key, raw]) => {
    const column = asRecord(raw, childPath(childPath(at, 'columns'), key));
    return {
      name: unquoteColumnName(key).toLowerCase(),
      // dbterd prints a missing type as "none"; "unknown" says what it means.
      dataType: (readString(column, 'type') ?? 'unknown').toLowerCase(),
      description: readString(column, 'comment') ?? '',
    };
  });
}

function entryRelation(entry: JsonRecord): string | null {
  const metadata = entry.metadata;
  if (!isRecord(metadata)) return null;
  const name = readString(metadata, 'name');
  if (!name) return null;
  return relationKey(
    readString(metadata, 'database') ?? '',
    readString(metadata, 'schema') ?? '',
    name,
  );
}

export function indexCatalog(catalog: JsonRecord): CatalogLookup {
  const sections = {
    nodes: new Map<string, CatalogColumns>(),
    sources: new Map<string, CatalogColumns>(),
  };
  const byLowerId = new Map<string, CatalogColumns>();
  const byRelation = new Map<string, CatalogColumns>();

  for (const section of ['nodes', 'sources'] as const) {
    const entries = readRecord(catalog, section, CATALOG);
    for (const [uniqueId, raw] of Object.entries(entries)) {
      const at = childPath(childPath(CATALOG, section), uniqueId);
      const entry = asRecord(raw, at);
      const columns = readCatalogColumns(entry, at);
      sections[section].set(uniqueId, columns);
      if (!byLowerId.has(uniqueId.toLowerCase()))
        byLowerId.set(uniqueId.toLowerCase(), columns);
      const relation = entryRelation(entry);
      if (relation && !byRelation.has(relation))
        byRelation.set(relation, columns);
    }
  }

  return {
    find(uniqueId, section, relation) {
      const other = section === 'nodes' ? 'sources' : 'nodes';
      return (
        sections[section].get(uniqueId) ??
        sections[other].get(uniqueId) ??
        byLowerId.get(uniqueId.toLowerCase()) ??
        byRelation.get(relation)
      );
    },
  };
}

/** Stand-in when no catalog was given: every lookup misses. */
export const EMPTY_CATALOG: CatalogLookup = { find: () => undefined };
