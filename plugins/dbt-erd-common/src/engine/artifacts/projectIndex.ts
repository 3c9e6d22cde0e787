import { ErdInputError } from '../errors';
import { ByteInput, isByteInput } from './streaming/byteInput';
import { indexManifestBytes } from './streaming/indexManifestBytes';
import { ArtifactIndex } from './types';

/**
 * What every source hands the engine: the bytes (or a chunk stream) of
 * manifest.json and catalog.json, or, for a source that reads no manifest
 * (dbt Cloud's Discovery API), an index it made itself; plus what a person
 * should know about them (e.g. that catalog.json was missing).
 */
export type ArtifactInput = (
  | { manifest: ByteInput; catalog?: ByteInput | null }
  | { index: ArtifactIndex }
) & { warnings: string[] };

/**
 * The project index of one artifact version: everything any view or export
 * needs (every table and test, semantic models, contracts, model SQL for
 * `inferred`, compiled SQL for the `json` export), read once. Views are then
 * derived with `buildErdFromIndex`, without reading the artifacts again.
 * The source's warnings come first in the index's own.
 */
export async function indexProject(
  input: ArtifactInput,
): Promise<ArtifactIndex> {
  let index: ArtifactIndex;
  if ('index' in input) {
    index = input.index;
  } else {
    if (!isByteInput(input.manifest)) {
      throw new ErdInputError(
        "manifest.json: expected the file's bytes or a chunk stream",
      );
    }
    index = await indexManifestBytes(input.manifest, input.catalog, {
      keepCompiledSql: true,
      keepModelSql: true,
    });
  }
  return { ...index, warnings: [...input.warnings, ...index.warnings] };
}
