import { ErdInputError } from '../../errors';
import { CatalogLookup } from '../catalogIndex';
import { readCatalog } from '../indexArtifacts';
import { ArtifactIndex } from '../types';
import { ByteInput, isBytes, isChunkStream } from './byteInput';
import { CatalogIndexReader } from './catalogIndexReader';
import { DocumentScanner } from './documentScanner';
import { ManifestIndexReader } from './manifestIndexReader';
import { ManifestReadOptions } from './manifestReadOptions';
import { scanBytes, scanInput } from './scanInput';
import { StringPool } from './stringPool';

/**
 * A catalog as `indexManifestBytes` takes it: catalog.json's bytes, a chunk
 * stream of them, the parsed object, or undefined / null for none.
 */
export type CatalogInput = unknown;

interface LoadedCatalog {
  lookup: CatalogLookup;
  warnings: string[];
}

function catalogScanner(
  strings: StringPool,
): [DocumentScanner, CatalogIndexReader] {
  const reader = new CatalogIndexReader(strings);
  return [new DocumentScanner('catalog.json', reader), reader];
}

async function loadCatalog(
  catalog: CatalogInput,
  strings: StringPool,
): Promise<LoadedCatalog> {
  if (!isBytes(catalog) && !isChunkStream(catalog))
    return loadCatalogSync(catalog, strings);
  const [scanner, reader] = catalogScanner(strings);
  await scanInput(scanner, catalog, () => undefined);
  return { lookup: reader.finish(), warnings: [] };
}

function loadCatalogSync(
  catalog: CatalogInput,
  strings: StringPool,
): LoadedCatalog {
  if (isChunkStream(catalog)) {
    throw new ErdInputError(
      'catalog.json: a chunk stream needs indexManifestBytes (async), not its Sync variant',
    );
  }
  if (isBytes(catalog)) {
    const [scanner, reader] = catalogScanner(strings);
    scanBytes(scanner, catalog, () => undefined);
    return { lookup: reader.finish(), warnings: [] };
  }
  const warnings: string[] = [];
  return { lookup: readCatalog(catalog, warnings), warnings };
}

function requireByteInput(manifest: unknown): void {
  if (!isBytes(manifest) && !isChunkStream(manifest)) {
    throw new ErdInputError(
      "manifest.json: expected the file's bytes (a Uint8Array or an async iterable of chunks); " +
        'use buildErd / indexArtifacts for a parsed manifest',
    );
  }
}

/**
 * The same ArtifactIndex as `indexArtifacts`, read straight from the bytes
 * of manifest.json without parsing it whole: only the entries and fields
 * the ERD reads are parsed, one entry at a time. Works on manifests past the
 * ~512 MB a JavaScript string can hold, and on streams whose chunks split
 * entries anywhere. Compiled SQL is dropped unless `keepCompiledSql`.
 */
export async function indexManifestBytes(
  manifest: ByteInput,
  catalog?: CatalogInput,
  options: ManifestReadOptions = {},
): Promise<ArtifactIndex> {
  requireByteInput(manifest);
  const strings = new StringPool();
  const reader = new ManifestIndexReader(options, strings);
  const useCatalog = async () => {
    const { lookup, warnings } = await loadCatalog(catalog, strings);
    reader.useCatalog(lookup, warnings);
  };
  // The scan pauses before the first nodes, as their columns need the catalog.
  await scanInput(
    new DocumentScanner('manifest.json', reader),
    manifest,
    useCatalog,
  );
  if (reader.needsCatalog) await useCatalog();
  return reader.finish();
}

/** `indexManifestBytes` for a manifest (and catalog) already in memory as bytes. */
export function indexManifestBytesSync(
  manifest: Uint8Array,
  catalog?: CatalogInput,
  options: ManifestReadOptions = {},
): ArtifactIndex {
  if (!isBytes(manifest)) requireByteInput(manifest);
  const strings = new StringPool();
  const reader = new ManifestIndexReader(options, strings);
  const useCatalog = () => {
    const { lookup, warnings } = loadCatalogSync(catalog, strings);
    reader.useCatalog(lookup, warnings);
  };
  scanBytes(new DocumentScanner('manifest.json', reader), manifest, useCatalog);
  if (reader.needsCatalog) useCatalog();
  return reader.finish();
}
