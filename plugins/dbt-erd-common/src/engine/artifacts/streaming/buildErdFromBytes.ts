import { getErdAlgorithm } from '../../algorithms/registry';
import { buildErdFromIndex } from '../../buildErd';
import { isKeyTestId } from '../../keys/detectKeys';
import { resolveErdOptions } from '../../options';
import { selectionReadsLineage } from '../../selection/validateSelection';
import { ErdBuildResult, ErdOptions } from '../../types';
import { ByteInput } from './byteInput';
import { CatalogInput, indexManifestBytes } from './indexManifestBytes';

/** dbt artifacts as bytes (see ByteInput); the catalog may also be parsed JSON. */
export interface DbtArtifactBytes {
  manifest: ByteInput;
  catalog?: CatalogInput;
}

/** How to read the bytes, beyond dbterd's own options. */
export interface ErdBytesOptions {
  /**
   * Keep compiled SQL for `ErdNode.compiled_sql`, which only the `json`
   * target prints; without it that field is null. Costs memory on large
   * projects, so ask for it only when rendering `json`.
   */
  keepCompiledSql?: boolean;
}

function readsLineage(options: ErdOptions): boolean {
  return selectionReadsLineage([
    ...options.select,
    ...(options.narrowSelect ?? []).flat(),
    ...options.exclude,
  ]);
}

/**
 * `buildErd` for artifacts given as bytes or chunk streams: same ERD, but
 * the manifest is never parsed whole, and the tests the algorithm would
 * ignore are never parsed at all. Use it for large manifests (past ~512 MB
 * `JSON.parse` cannot even be called on them).
 */
export async function buildErdFromBytes(
  artifacts: DbtArtifactBytes,
  options: Partial<ErdOptions> = {},
  bytesOptions: ErdBytesOptions = {},
): Promise<ErdBuildResult> {
  // Options first: a typo in a rule should not cost a scan of a large manifest.
  const resolved = resolveErdOptions(options);
  const algorithm = getErdAlgorithm(resolved.algo);
  const algorithmTests = algorithm.relevantTests?.({ algo: resolved.algo });
  const index = await indexManifestBytes(
    artifacts.manifest,
    artifacts.catalog,
    {
      keepCompiledSql: bytesOptions.keepCompiledSql,
      keepModelSql: algorithm.readsModelSql,
      // Key tests too: every ERD carries the keys the project states (extras.keys).
      isTestWanted: algorithmTests
        ? id => algorithmTests(id) || isKeyTestId(id)
        : undefined,
      // Nodes of other types are never drawn; only some algorithms look at
      // them, and graph operators, which walk the lineage through them.
      resourceTypes:
        algorithm.readsNodes === false && !readsLineage(resolved)
          ? resolved.resourceTypes
          : undefined,
    },
  );
  return buildErdFromIndex(index, options);
}
