import { DiscoveryColumn, DiscoveryModel, DiscoverySource } from './types';

/** A model or source as a manifest entry: only the fields the ERD engine reads. */
export interface ManifestTableEntry {
  unique_id: string;
  resource_type: string;
  name: string;
  description: string;
  database: string | null;
  schema: string | null;
  alias?: string;
  /**
   * Always null: dbterd's run-metadata prints no SQL, and without the key the
   * engine would invent a `select ... from db.schema.undefined` stub for sources.
   */
  compiled_code: null;
  /** Empty: every column comes from the catalog, as in dbterd's run-metadata. */
  columns: Record<string, never>;
}

export interface CatalogColumnEntry {
  name: string;
  type: string | null;
  index: number;
  comment: string | null;
}

/**
 * A catalog entry without `metadata`: the engine would otherwise match nodes
 * lacking catalog data to another node building the same relation, which
 * run-metadata never does (each node only has its own `catalog`).
 */
export interface CatalogTableEntry {
  unique_id: string;
  columns: Record<string, CatalogColumnEntry>;
}

function resourceTypeOf(uniqueId: string): string {
  return uniqueId.split('.', 1)[0];
}

export function toManifestTableEntry(
  node: DiscoveryModel | DiscoverySource,
): ManifestTableEntry {
  const entry: ManifestTableEntry = {
    unique_id: node.uniqueId,
    resource_type: resourceTypeOf(node.uniqueId),
    // dbterd falls back to the unique_id's third part for the name, as does the engine.
    name: node.name ?? node.uniqueId.split('.')[2] ?? node.uniqueId,
    description: node.description ?? '',
    database: node.database ?? null,
    schema: node.schema ?? null,
    compiled_code: null,
    columns: {},
  };
  // dbterd uses `alias or name`: an empty alias means "no alias".
  const alias = 'alias' in node ? node.alias : undefined;
  if (alias) entry.alias = alias;
  return entry;
}

/** Undefined when the Discovery API had no catalog for the node (never documented). */
export function toCatalogTableEntry(
  node: DiscoveryModel | DiscoverySource,
): CatalogTableEntry | undefined {
  if (!node.catalog) return undefined;
  const columns: Record<string, CatalogColumnEntry> = {};
  (node.catalog.columns ?? []).forEach((column: DiscoveryColumn, index) => {
    if (!column?.name || column.name in columns) return;
    columns[column.name] = {
      name: column.name,
      type: column.type ?? null,
      index: index + 1,
      comment: column.description ?? null,
    };
  });
  return { unique_id: node.uniqueId, columns };
}
