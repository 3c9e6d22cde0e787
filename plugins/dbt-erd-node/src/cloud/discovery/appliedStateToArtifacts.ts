import {
  CatalogTableEntry,
  ManifestTableEntry,
  toCatalogTableEntry,
  toManifestTableEntry,
} from './tableEntries';
import {
  ManifestTestEntry,
  tableParents,
  toManifestTestEntry,
} from './testEntry';
import { DbtCloudAppliedState, DiscoveryModel, DiscoverySource } from './types';

export type {
  CatalogColumnEntry,
  CatalogTableEntry,
  ManifestTableEntry,
} from './tableEntries';
export type { ManifestTestEntry } from './testEntry';

export interface AppliedStateManifest {
  metadata: { dbt_schema_version: string };
  nodes: Record<string, ManifestTableEntry | ManifestTestEntry>;
  sources: Record<string, ManifestTableEntry>;
  exposures: Record<
    string,
    {
      unique_id: string;
      name: string;
      description: string;
      depends_on: { nodes: string[] };
    }
  >;
  semantic_models: Record<
    string,
    {
      unique_id: string;
      entities: Array<{ name: string; type: string | null }>;
      meta: Record<string, unknown>;
      depends_on: { nodes: string[] };
    }
  >;
}

export interface AppliedStateCatalog {
  metadata: { dbt_schema_version: string };
  nodes: Record<string, CatalogTableEntry>;
  sources: Record<string, CatalogTableEntry>;
}

/** A manifest-like and a catalog-like object, as `buildErd` takes them. */
export interface AppliedStateArtifacts {
  manifest: AppliedStateManifest;
  catalog: AppliedStateCatalog;
}

const MANIFEST_SCHEMA = 'https://schemas.getdbt.com/dbt/manifest/v12.json';
const CATALOG_SCHEMA = 'https://schemas.getdbt.com/dbt/catalog/v1.json';

function tableSections(nodes: Array<DiscoveryModel | DiscoverySource>) {
  const manifest: Record<string, ManifestTableEntry> = {};
  const catalog: Record<string, CatalogTableEntry> = {};
  for (const node of nodes) {
    if (!node?.uniqueId) continue;
    manifest[node.uniqueId] = toManifestTableEntry(node);
    const catalogEntry = toCatalogTableEntry(node);
    if (catalogEntry) catalog[node.uniqueId] = catalogEntry;
  }
  return { manifest, catalog };
}

/**
 * An environment's applied state as the minimal manifest + catalog from which
 * the ERD engine draws what dbterd's `run-metadata` draws: models and sources
 * become tables with the Discovery catalog's columns, tests and semantic
 * models give the relationships, exposures tag their parent tables. The
 * Discovery API says nothing about seeds, snapshots, contracts or SQL, so
 * those never appear.
 */
export function appliedStateToArtifacts(
  state: DbtCloudAppliedState,
): AppliedStateArtifacts {
  const models = tableSections(state.models);
  const sources = tableSections(state.sources);
  const manifest: AppliedStateManifest = {
    metadata: { dbt_schema_version: MANIFEST_SCHEMA },
    nodes: { ...models.manifest },
    sources: sources.manifest,
    exposures: {},
    semantic_models: {},
  };
  const catalog: AppliedStateCatalog = {
    metadata: { dbt_schema_version: CATALOG_SCHEMA },
    nodes: models.catalog,
    sources: sources.catalog,
  };

  for (const test of state.tests) {
    // The engine only reads `test.` ids (unit tests and others are not relationships).
    if (!test?.uniqueId?.startsWith('test.')) continue;
    manifest.nodes[test.uniqueId] = toManifestTestEntry(test);
  }

  for (const exposure of state.exposures) {
    if (!exposure?.uniqueId) continue;
    manifest.exposures[exposure.uniqueId] = {
      unique_id: exposure.uniqueId,
      name: exposure.name ?? exposure.uniqueId.split('.').pop()!,
      description: exposure.description ?? '',
      depends_on: {
        nodes: (exposure.parents ?? []).map(parent => parent.uniqueId),
      },
    };
  }

  for (const semanticModel of state.semanticModels) {
    if (!semanticModel?.uniqueId) continue;
    manifest.semantic_models[semanticModel.uniqueId] = {
      unique_id: semanticModel.uniqueId,
      // The engine lower-cases entity types, so API enum casing does not matter.
      entities: (semanticModel.entities ?? []).map(entity => ({
        name: entity.name,
        type: entity.type ?? null,
      })),
      meta: semanticModel.meta ?? {},
      // dbterd takes the first parent as the semantic model's table; only a
      // table parent can be one, so the others are left out.
      depends_on: { nodes: tableParents(semanticModel.parents) },
    };
  }

  return { manifest, catalog };
}
