import { CacheService } from '@backstage/backend-plugin-api';
import {
  ArtifactIndex,
  CompiledSqlById,
  ErdOptions,
} from 'backstage-plugin-dbt-erd-common';
import { LRUCache } from 'lru-cache';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ErdSourceInfo } from '../sources/ArtifactSource';
import { ViewsInProgress } from './ViewsInProgress';
import { estimateJsonLength, packJson, unpackJson } from './packJson';
import { ServedErd, ServedErds } from './ServedErds';

/** One artifact version, indexed: what every view and export is derived from. */
export interface ProjectVersion {
  index: ArtifactIndex;
  /** Where it came from, as the download found it (run, job, finish time...). */
  info: ErdSourceInfo;
}

export interface ErdCacheConfig {
  /** How long the shared cache keeps an index (`dbtErd.cache.ttl`). */
  ttlMs: number;
  /** Budget of this replica's gzipped served ERDs (`dbtErd.cache.servedBytes`). */
  servedBytes: number;
  /** Budget of this replica's decoded indexes, as JSON text length (`dbtErd.cache.indexBytes`). */
  indexBytes: number;
  /** This replica's views in progress, which packing a large index gives way to. */
  viewsInProgress?: ViewsInProgress;
}

interface DecodedVersion {
  project: ProjectVersion;
  size: number;
}

/**
 * From about this length of JSON text an index takes long enough to pack
 * (tens of milliseconds and up) to hold back until its first answer is out.
 */
export const LARGE_INDEX_CHARS = 4 * 1024 * 1024;

/**
 * How long packing a large index waits, before each piece, for the views
 * in progress to end: a few views' time, so that under a steady stream of
 * views a 40 MB index (about 40 pieces) is still stored within seconds.
 */
const MAX_GIVE_WAY_MS = 250;

/** Key prefix of everything stored for one artifact version. */
const VERSION_PREFIX = 'erd:v3:';

/**
 * The one owner of what the plugin caches about ERDs, keyed by artifact
 * version (`LocatedArtifacts.key`: a run id, an ETag, a file stamp):
 *
 * - in the shared CacheService (every replica): each version's project
 *   index, gzipped and base64-encoded, and its compiled SQL beside it
 *   (only the `json` export reads it);
 * - in this replica: the last few decoded indexes (so a new view costs no
 *   unzip and parse) and the served copies of views, each under a byte
 *   budget, least recently used first out.
 *
 * Views are never stored in the shared cache: one is derived from the
 * index in milliseconds, and a version's views are fixed by its key.
 */
export class ErdCache {
  private readonly served: ServedErds;
  /** Compiled SQL of versions built here that the shared cache does not hold yet. */
  private readonly unstoredSql = new Map<string, CompiledSqlById>();
  private readonly decoded: LRUCache<string, DecodedVersion>;

  constructor(
    private readonly cache: CacheService,
    private readonly config: ErdCacheConfig,
  ) {
    this.served = new ServedErds(config.servedBytes);
    this.decoded = new LRUCache<string, DecodedVersion>({
      maxSize: config.indexBytes,
      sizeCalculation: entry => Math.max(1, entry.size),
    });
  }

  /** The key of one view of a version: the engine options, resolved. */
  viewKey(versionKey: string, options: ErdOptions): string {
    return `${VERSION_PREFIX}${versionKey}:view:${JSON.stringify(options)}`;
  }

  getServed(viewKey: string): ServedErd | undefined {
    return this.served.get(viewKey);
  }

  putServed(viewKey: string, body: string): Promise<ServedErd> {
    return this.served.put(viewKey, body);
  }

  /** The version's index: this replica's decoded copy, else the shared cache's. */
  async getProject(versionKey: string): Promise<ProjectVersion | undefined> {
    const decoded = this.decoded.get(versionKey);
    if (decoded) return decoded.project;
    const stored = await this.cache.get(this.indexKey(versionKey));
    if (typeof stored !== 'string') return undefined;
    const json = await unpackJson(stored);
    const project = JSON.parse(json) as ProjectVersion;
    this.decoded.set(versionKey, { project, size: json.length });
    return project;
  }

  async getCompiledSql(
    versionKey: string,
  ): Promise<CompiledSqlById | undefined> {
    const unstored = this.unstoredSql.get(versionKey);
    if (unstored) return unstored;
    const stored = await this.cache.get(this.sqlKey(versionKey));
    return typeof stored === 'string'
      ? (JSON.parse(await unpackJson(stored)) as CompiledSqlById)
      : undefined;
  }

  /**
   * Stores a freshly built version: at once for this replica, and for every
   * other once serialised and compressed, a piece at a time (see packJson).
   * A large index is packed only once `storeLargeAfter` settles (the first
   * answer from it is out: see AnswerGate); a small one, which packs in
   * milliseconds, at once, so another replica asking right after the first
   * answer finds it. The returned promise settles when the shared cache has
   * it; a build need not wait for that.
   */
  putProject(
    versionKey: string,
    project: ProjectVersion,
    compiledSql: CompiledSqlById,
    storeLargeAfter: Promise<unknown> = Promise.resolve(),
  ): Promise<void> {
    // Sized at once by estimate, so a burst of builds evicts as it goes;
    // exactly once its text is known, below.
    const estimate = estimateJsonLength(project);
    this.decoded.set(versionKey, { project, size: estimate });
    // Until the shared cache has it, the json export reads it from here
    // (else it would download the version again).
    this.unstoredSql.set(versionKey, compiledSql);
    const ttl = this.config.ttlMs;
    return (async () => {
      const large = estimate >= LARGE_INDEX_CHARS;
      if (large) await storeLargeAfter;
      const index = await packJson(project, {
        beforePiece: large ? () => this.giveWay() : undefined,
      });
      // Unless forgotten or replaced meanwhile.
      if (this.decoded.peek(versionKey)?.project === project) {
        this.decoded.set(versionKey, { project, size: index.jsonLength });
      }
      const sql = await packJson(compiledSql);
      await this.cache.set(this.indexKey(versionKey), index.packed, { ttl });
      await this.cache.set(this.sqlKey(versionKey), sql.packed, { ttl });
    })().finally(() => {
      if (this.unstoredSql.get(versionKey) === compiledSql) {
        this.unstoredSql.delete(versionKey);
      }
    });
  }

  /** A turn of the event loop, then the views in progress (a while at most). */
  private async giveWay(): Promise<void> {
    await nextTurn();
    await this.config.viewsInProgress?.quiet(MAX_GIVE_WAY_MS);
  }

  /** Forgets a version everywhere: shared index and SQL, this replica's copies. */
  async forget(versionKey: string): Promise<void> {
    this.decoded.delete(versionKey);
    this.unstoredSql.delete(versionKey);
    this.served.forget(`${VERSION_PREFIX}${versionKey}:view:`);
    await this.cache.delete(this.indexKey(versionKey));
    await this.cache.delete(this.sqlKey(versionKey));
  }

  private indexKey(versionKey: string) {
    return `${VERSION_PREFIX}${versionKey}:index`;
  }

  private sqlKey(versionKey: string) {
    return `${VERSION_PREFIX}${versionKey}:sql`;
  }
}
