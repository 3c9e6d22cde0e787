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
  const columnsAt = childPath(at, 'columns');
  // Keys, not entries: this runs for every column of every relation.
  return Object.keys(columns).map(key => {
    const column = asRecord(columns[key], childPath(columnsAt, key));
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

interface CatalogEntry {
  columns: CatalogColumns;
  relation: string | null;
}

/**
 * Collects catalog entries one at a time, so that a streamed catalog never
 * needs to be parsed whole; `indexCatalog` feeds it a parsed one. The
 * fallback lookups are built at the end, `nodes` before `sources`, so the
 * first-wins choice does not depend on the order the sections arrive in.
 */
export class CatalogIndexBuilder {
  private readonly sections = {
    nodes: new Map<string, CatalogEntry>(),
    sources: new Map<string, CatalogEntry>(),
  };

  /** A repeated section replaces the earlier one, as in JSON.parse. */
  startSection(section: 'nodes' | 'sources'): void {
    this.sections[section].clear();
  }

  /** Reads one entry; its columns are returned for callers that post-process them. */
  add(
    section: 'nodes' | 'sources',
    uniqueId: string,
    raw: unknown,
  ): CatalogColumns {
    const at = childPath(childPath(CATALOG, section), uniqueId);
    const entry = asRecord(raw, at);
    const columns = readCatalogColumns(entry, at);
    this.sections[section].set(uniqueId, {
      columns,
      relation: entryRelation(entry),
    });
    return columns;
  }

  build(): CatalogLookup {
    const byLowerId = new Map<string, CatalogColumns>();
    const byRelation = new Map<string, CatalogColumns>();
    const sections = {
      nodes: new Map<string, CatalogColumns>(),
      sources: new Map<string, CatalogColumns>(),
    };
    for (const section of ['nodes', 'sources'] as const) {
      for (const [uniqueId, { columns, relation }] of this.sections[section]) {
        sections[section].set(uniqueId, columns);
        if (!byLowerId.has(uniqueId.toLowerCase()))
          byLowerId.set(uniqueId.toLowerCase(), columns);
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
}

/** The catalog section (`nodes` or `sources`) as an object; null reads as empty. */
export function readCatalogSection(
  catalog: JsonRecord,
  section: 'nodes' | 'sources',
): JsonRecord {
  return readRecord(catalog, section, CATALOG);
}

export function indexCatalog(catalog: JsonRecord): CatalogLookup {
  const builder = new CatalogIndexBuilder();
  for (const section of ['nodes', 'sources'] as const) {
    const entries = readCatalogSection(catalog, section);
    for (const [uniqueId, raw] of Object.entries(entries)) {
      builder.add(section, uniqueId, raw);
    }
  }
  return builder.build();
}

/** Stand-in when no catalog was given: every lookup misses. */
export const EMPTY_CATALOG: CatalogLookup = { find: () => undefined };
