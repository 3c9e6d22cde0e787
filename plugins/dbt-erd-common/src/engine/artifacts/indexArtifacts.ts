import { ErdInputError } from '../errors';
import { CatalogLookup, EMPTY_CATALOG, indexCatalog } from './catalogIndex';
import { readExposureEntities, readExposures } from './readExposures';
import {
  FieldPath,
  childPath,
  isRecord,
  readRecord,
  requireRecord,
  readString,
} from './readers';
import { readNode, tableResourceType } from './readNode';
import { readSelectors } from './readSelectors';
import { readSemanticModel } from './readSemanticModel';
import { readTest } from './readTest';
import { checkManifestVersion } from './schemaVersion';
import {
  ArtifactIndex,
  IndexedNode,
  IndexedSemanticModel,
  IndexedTest,
} from './types';

export const MISSING_CATALOG_WARNING =
  'catalog.json missing: column types are unknown; run `dbt docs generate`';

const MANIFEST: FieldPath = { file: 'manifest.json', path: '' };

/** Parsed dbt artifacts, as `JSON.parse` returns them. */
export interface DbtArtifacts {
  manifest: unknown;
  catalog?: unknown;
}

export function manifestNotAnObject(): ErdInputError {
  return new ErdInputError(
    'manifest.json: the document must be a JSON object; pass the manifest.json written by dbt',
  );
}

export function catalogNotAnObject(): ErdInputError {
  return new ErdInputError(
    'catalog.json: the document must be a JSON object; pass the catalog.json written by `dbt docs generate`',
  );
}

/** A parsed catalog (or none) as a lookup; warns when there is none. */
export function readCatalog(
  catalog: unknown,
  warnings: string[],
): CatalogLookup {
  if (catalog === undefined || catalog === null) {
    warnings.push(MISSING_CATALOG_WARNING);
    return EMPTY_CATALOG;
  }
  if (!isRecord(catalog)) throw catalogNotAnObject();
  return indexCatalog(catalog);
}

/**
 * Reduces parsed manifest (v4..v12, v20) and optional catalog (v1) objects
 * to the slim index that algorithms and targets read.
 */
export function indexArtifacts(artifacts: DbtArtifacts): ArtifactIndex {
  const { manifest } = artifacts;
  if (!isRecord(manifest)) throw manifestNotAnObject();
  const { version, warnings } = checkManifestVersion(manifest);
  const catalog = readCatalog(artifacts.catalog, warnings);
  const exposuresByNode = readExposures(manifest, MANIFEST);
  const context = { catalog, exposuresByNode };

  const nodes: IndexedNode[] = [];
  const tests: IndexedTest[] = [];
  const nodesAt = childPath(MANIFEST, 'nodes');
  for (const [uniqueId, raw] of Object.entries(
    requireRecord(manifest, 'nodes', MANIFEST),
  )) {
    const at = childPath(nodesAt, uniqueId);
    const resourceType = tableResourceType(uniqueId);
    if (resourceType && resourceType !== 'source') {
      nodes.push(readNode(uniqueId, raw, 'nodes', resourceType, at, context));
    } else if (uniqueId.startsWith('test')) {
      const test = readTest(uniqueId, raw, at);
      if (test) tests.push(test);
    }
  }

  const sourcesAt = childPath(MANIFEST, 'sources');
  for (const [uniqueId, raw] of Object.entries(
    readRecord(manifest, 'sources', MANIFEST),
  )) {
    if (!uniqueId.startsWith('source')) continue;
    nodes.push(
      readNode(
        uniqueId,
        raw,
        'sources',
        'source',
        childPath(sourcesAt, uniqueId),
        context,
      ),
    );
  }

  let semanticModels: IndexedSemanticModel[] | undefined;
  if ('semantic_models' in manifest) {
    const semanticAt = childPath(MANIFEST, 'semantic_models');
    semanticModels = Object.entries(
      readRecord(manifest, 'semantic_models', MANIFEST),
    ).map(([uniqueId, raw]) =>
      readSemanticModel(uniqueId, raw, childPath(semanticAt, uniqueId)),
    );
  }

  const metadata = readRecord(manifest, 'metadata', MANIFEST);
  const selectors = readSelectors(manifest);
  return {
    manifestVersion: version,
    generatedAt: readString(metadata, 'generated_at') ?? '',
    projectName: readString(metadata, 'project_name') ?? '',
    adapterType: readString(metadata, 'adapter_type'),
    nodes,
    tests,
    semanticModels,
    ...(selectors ? { selectors } : {}),
    exposureEntities: readExposureEntities(manifest, MANIFEST),
    warnings,
  };
}
