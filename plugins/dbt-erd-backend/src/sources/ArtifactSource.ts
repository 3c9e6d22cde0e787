import type { ErdSourceInfo } from 'backstage-plugin-dbt-erd-common';
import { DbtArtifactFiles, DbtArtifacts } from 'backstage-plugin-dbt-erd-node';

/**
 * Artifacts, parsed or as bytes (bytes go through the engine's streaming
 * reader: far less memory on large manifests), plus what a person should
 * know about them (e.g. no catalog).
 */
export type FetchedArtifacts = (DbtArtifacts | DbtArtifactFiles) & {
  warnings?: string[];
};

/** Where an ERD's artifacts came from: the common contract's union on `kind`. */
export type { ErdSourceInfo };

/** The immutable identity of a set of artifacts: the cache key and its description. */
export interface LocatedArtifacts {
  key: string;
  info: ErdSourceInfo;
  /** What the lookup itself found worth saying, e.g. that a fallback run was used. */
  warnings?: string[];
}

/** What the ERD being built needs from a fetch. */
export interface FetchContext {
  /** The engine algorithm, e.g. test_relationship: sources may read less for it. */
  algo?: string;
}

/**
 * One place artifacts can come from. `locate` is cheap (a run lookup, a file
 * stat) and names an immutable version; `fetch` downloads that version and
 * runs only on a cache miss.
 */
export interface ArtifactSource {
  locate(): Promise<LocatedArtifacts>;
  fetch(
    located: LocatedArtifacts,
    context?: FetchContext,
  ): Promise<FetchedArtifacts>;
  /** Cache key of a lookup `locate` keeps (e.g. a job's latest run), dropped on refresh. */
  lookupKey?(): string;
}
