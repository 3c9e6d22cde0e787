import {
  buildErdFromIndex,
  ErdBuildResult,
  ErdInputError,
  ErdOptions,
  indexProject,
  MISSING_CATALOG_WARNING,
} from 'backstage-plugin-dbt-erd-common';
import { LoadedArtifacts } from './LoadedArtifacts';

const FILE_PREFIX = /^(manifest\.json|catalog\.json):/;

/** "manifest.json: ..." becomes "manifest.json in <origin>: ...", so a diff's two sides are told apart. */
function withOrigin(message: string, origin: string): string {
  return FILE_PREFIX.test(message)
    ? message.replace(FILE_PREFIX, `$1 in ${origin}:`)
    : `${origin}: ${message}`;
}

/**
 * The ERD the way the backend builds it: the artifacts read once into the
 * project index by the engine's streaming reader (compiled SQL kept, for the
 * json target), then the view derived from it. The source's warnings come
 * first; the engine's missing-catalog warning is dropped when the source
 * gave its own.
 */
export async function buildLoadedErd(
  artifacts: LoadedArtifacts,
  options: ErdOptions,
): Promise<ErdBuildResult> {
  const index = await indexProject(artifacts).catch(error => {
    throw error instanceof ErdInputError
      ? new ErdInputError(withOrigin(error.message, artifacts.origin))
      : error;
  });
  const built = buildErdFromIndex(index, options);
  if (!artifacts.catalogWarned) return built;
  return {
    ...built,
    warnings: built.warnings.filter(w => w !== MISSING_CATALOG_WARNING),
  };
}
