import type {
  ArtifactInput,
  ErdSourceInfo,
} from 'backstage-plugin-dbt-erd-common';

/**
 * What a fetch hands the engine: the engine's one artifact input (bytes or
 * a byte stream, or an index for Discovery), read into the project index.
 */
export type FetchedArtifacts = ArtifactInput;

/** Where an ERD's artifacts came from: the common contract's union on `kind`. */
export type { ErdSourceInfo };

/** The immutable identity of a set of artifacts: the cache key and its description. */
export interface LocatedArtifacts {
  key: string;
  info: ErdSourceInfo;
  /** What the lookup itself found worth saying, e.g. that a fallback run was used. */
  warnings?: string[];
}

/**
 * One place artifacts can come from. `locate` is cheap (a run lookup, a file
 * stat) and names an immutable version; `fetch` downloads that version and
 * runs only on a cache miss.
 */
export interface ArtifactSource {
  locate(): Promise<LocatedArtifacts>;
  /**
   * Reads the located version, whole (every view of it is derived from one
   * read), into `read` (the indexer), which may consume a stream as it
   * downloads: when a download breaks off midway and is tried again, `read`
   * is called again, from the first byte. May add what only the download
   * tells to `located.info`.
   */
  fetch<T>(
    located: LocatedArtifacts,
    read: (artifacts: FetchedArtifacts) => Promise<T>,
  ): Promise<T>;
  /** Cache key of a lookup `locate` keeps (e.g. a job's latest run), dropped on refresh. */
  lookupKey?(): string;
  /** Whose rate limit a fetch spends (a dbt Cloud account's key), for the per-account build limit. */
  readonly upstreamKey?: string;
}
