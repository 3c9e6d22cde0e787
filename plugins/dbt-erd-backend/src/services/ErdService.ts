import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ArtifactIndex,
  CompiledSqlById,
  DerivedView,
  ErdDerivation,
  ErdInputError,
  ErdOptions,
  indexProject,
  resolveErdOptions,
  encodeTabView,
  ErdResponse,
  ErdSourceInfo,
  setCompiledSqlAside,
} from 'backstage-plugin-dbt-erd-common';
import { ArtifactSource, LocatedArtifacts } from '../sources/ArtifactSource';
import {
  ArtifactSourceContext,
  resolveArtifactSource,
} from '../sources/resolveArtifactSource';
import { AnswerGate } from './AnswerGate';
import { ViewsInProgress } from './ViewsInProgress';
import { ArtifactsInvalidError } from './ArtifactsInvalidError';
import { BuildLimits } from './BuildLimits';
import { ErdCache, ProjectVersion } from './ErdCache';
import { ErdOptionsQuery, readErdOptions } from './readErdOptions';
import { ServedErd } from './ServedErds';
import { SingleFlight } from './SingleFlight';

/** What the ERD route serves: the canonical ERD plus where it came from (the common contract). */
export type { ErdResponse };

/**
 * The body the tab receives for a view: the contract's compact tab payload
 * (descriptions come with the drawer's per-table route), written straight
 * from the derived view: the canonical ERD is made only for exports.
 */
function encodeTabBody(view: DerivedView, source: ErdSourceInfo): string {
  return JSON.stringify(encodeTabView(view, source));
}

/** How an ERD is wanted beyond the engine's options. */
export interface ErdVariant {
  /**
   * Keep each model's compiled SQL: only the `json` export prints it, and on
   * large projects it is most of the bytes, so it is stored apart and only
   * loaded for it.
   */
  keepCompiledSql?: boolean;
}

/** The engine options of an entity's ERD; a bad option is an InputError (400). */
export function resolveEntityErdOptions(
  entity: Entity,
  query: ErdOptionsQuery,
  defaults: Partial<ErdOptions>,
): ErdOptions {
  try {
    return resolveErdOptions(readErdOptions(entity, query, defaults));
  } catch (error) {
    if (error instanceof ErdInputError) throw new InputError(error.message);
    throw error;
  }
}

/** One request, resolved once: its options and its artifact version. */
interface ErdRequest {
  entity: Entity;
  source: ArtifactSource;
  located: LocatedArtifacts;
  options: ErdOptions;
}

interface BuiltVersion {
  project: ProjectVersion;
  compiledSql: CompiledSqlById;
  /** Settles once the shared cache holds the new index (absent when it was not just built). */
  stored?: Promise<void>;
  /**
   * Opened by whoever asked for the build once their answer is ready: the
   * shared cache's copy of a large index waits for it (absent when not just built).
   */
  answered?: AnswerGate;
}

/**
 * How long after an answer from a fresh build is ready its index is packed
 * for the shared cache: the answer's bytes leave the socket, and the
 * browser's next requests (other views, the drawer) are served, without
 * that second or more of serialising and gzipping in the way.
 */
const STORE_GRACE_MS = 500;

export interface ErdServiceContext extends ArtifactSourceContext {
  logger: LoggerService;
  cache: CacheService;
  erdCache: ErdCache;
  limits: BuildLimits;
  /** Counts the views derived here (the shared cache's packing gives way to them). */
  viewsInProgress?: ViewsInProgress;
}

/**
 * Builds an entity's ERD along one path: the entity's annotations name an
 * artifact source; its cheap `locate` names the artifact version; the first
 * request for a version downloads it once (however many wait, at most N
 * builds at a time) into a project index kept by the ErdCache for every
 * replica; every view (options) and export is then derived from that index,
 * with no upstream request.
 */
export class ErdService {
  private readonly builds = new SingleFlight<BuiltVersion>();
  /** Unzipping and parsing a large index from the shared cache, once however many wait. */
  private readonly loads = new SingleFlight<ProjectVersion | undefined>();
  private readonly views = new SingleFlight<ServedErd>();
  /**
   * What the views of each decoded index share (keys, relationships per
   * algorithm), kept as long as the ErdCache keeps that index.
   */
  private readonly derivations = new WeakMap<ArtifactIndex, ErdDerivation>();

  constructor(private readonly context: ErdServiceContext) {}

  /** The tab's ERD ready to send: this replica's served copy, else derived and kept. */
  async getServedErd(
    entity: Entity,
    query: ErdOptionsQuery = {},
  ): Promise<ServedErd> {
    const request = await this.request(entity, query);
    const { erdCache } = this.context;
    const viewKey = erdCache.viewKey(request.located.key, request.options);
    const served = erdCache.getServed(viewKey);
    if (served) return served;
    return this.views.run(viewKey, async () => {
      const { project, answered } = await this.version(request);
      const viewEnded = this.context.viewsInProgress?.begin();
      try {
        const view = this.derivation(project).view(request.options);
        return await erdCache.putServed(
          viewKey,
          encodeTabBody(view, project.info),
        );
      } finally {
        viewEnded?.();
        answered?.open(STORE_GRACE_MS);
      }
    });
  }

  /** `source` overrides the entity's own (the base side of a diff). */
  async getErd(
    entity: Entity,
    query: ErdOptionsQuery = {},
    variant: ErdVariant = {},
    source?: ArtifactSource,
  ): Promise<ErdResponse> {
    const request = await this.request(entity, query, source);
    const built = await this.version(request);
    try {
      if (!variant.keepCompiledSql) {
        return this.derive(built.project, request.options);
      }
      const compiledSql =
        built.compiledSql ??
        (await this.context.erdCache.getCompiledSql(request.located.key)) ??
        // The SQL expired before the index: read the version again.
        (await this.answeredRebuild(request)).compiledSql;
      return this.derive(built.project, request.options, compiledSql);
    } finally {
      built.answered?.open(STORE_GRACE_MS);
    }
  }

  /** The ERD response as JSON text (exports of tools that take JSON). */
  async getErdJson(
    entity: Entity,
    query: ErdOptionsQuery = {},
    variant: ErdVariant = {},
    source?: ArtifactSource,
  ): Promise<string> {
    return JSON.stringify(await this.getErd(entity, query, variant, source));
  }

  /**
   * Forgets the entity's lookup (e.g. its job's latest run) and the index of
   * the version found, reads that version again, and returns the fresh ERD.
   */
  async refresh(
    entity: Entity,
    query: ErdOptionsQuery = {},
  ): Promise<ErdResponse> {
    const source = resolveArtifactSource(entity, this.context);
    const lookupKey = source.lookupKey?.();
    if (lookupKey) await this.context.cache.delete(lookupKey);
    const request = await this.request(entity, query, source);
    const { project, answered } = await this.rebuild(request);
    try {
      return this.derive(project, request.options);
    } finally {
      answered?.open(STORE_GRACE_MS);
    }
  }

  /**
   * Makes sure the index of the entity's current artifact version is built
   * and in the shared cache, for every replica (the pre-build task).
   */
  async warm(entity: Entity): Promise<void> {
    const built = await this.version(await this.request(entity, {}));
    // No answer to wait for: stored at once.
    built.answered?.open();
    await built.stored;
  }

  private async request(
    entity: Entity,
    query: ErdOptionsQuery,
    source = resolveArtifactSource(entity, this.context),
  ): Promise<ErdRequest> {
    // Options first: a bad option should cost no lookup.
    const options = resolveEntityErdOptions(
      entity,
      query,
      this.context.config.defaults,
    );
    const located = await source.locate();
    return { entity, source, located, options };
  }

  private derivation(project: ProjectVersion): ErdDerivation {
    let derivation = this.derivations.get(project.index);
    if (!derivation) {
      derivation = new ErdDerivation(project.index);
      this.derivations.set(project.index, derivation);
    }
    return derivation;
  }

  private derive(
    project: ProjectVersion,
    options: ErdOptions,
    compiledSql?: CompiledSqlById,
  ): ErdResponse {
    const { erd, warnings } = this.derivation(project).build(options);
    // The SQL set aside is put back into the drawn nodes only: no algorithm
    // reads it, so the view is the one built from the index with it.
    if (compiledSql) {
      erd.nodes = erd.nodes.map(node =>
        Object.hasOwn(compiledSql, node.id)
          ? { ...node, compiled_sql: compiledSql[node.id] }
          : node,
      );
    }
    return { ...erd, source: project.info, warnings };
  }

  /** The version's index, from the cache or built; `compiledSql` only when just built. */
  private async version(request: ErdRequest): Promise<{
    project: ProjectVersion;
    compiledSql?: CompiledSqlById;
    stored?: Promise<void>;
    answered?: AnswerGate;
  }> {
    const key = request.located.key;
    const cached = await this.loads.run(key, () =>
      this.context.erdCache.getProject(key),
    );
    if (cached) return { project: cached };
    return this.builds.run(key, () => this.build(request, true));
  }

  /** A rebuild whose own answer is the one in progress: stored without waiting. */
  private async answeredRebuild(request: ErdRequest): Promise<BuiltVersion> {
    const rebuilt = await this.rebuild(request);
    rebuilt.answered?.open(STORE_GRACE_MS);
    return rebuilt;
  }

  private async rebuild(request: ErdRequest): Promise<BuiltVersion> {
    await this.context.erdCache.forget(request.located.key);
    return this.builds.run(request.located.key, () =>
      this.build(request, false),
    );
  }

  private build(
    { entity, source, located }: ErdRequest,
    useCache: boolean,
  ): Promise<BuiltVersion> {
    const { erdCache, limits, logger } = this.context;
    return limits.run(source.upstreamKey, async () => {
      // Waiting for a slot may have been long: another replica may have built it.
      const cached = useCache
        ? await erdCache.getProject(located.key)
        : undefined;
      if (cached) {
        const compiledSql = await erdCache.getCompiledSql(located.key);
        if (compiledSql) return { project: cached, compiledSql };
      }
      const started = Date.now();
      let index;
      try {
        // Indexed as it downloads, where the source streams.
        index = await source.fetch(located, indexProject);
      } catch (error) {
        if (error instanceof ErdInputError) {
          throw new ArtifactsInvalidError(error.message);
        }
        throw error;
      }
      const aside = setCompiledSqlAside(index);
      const project: ProjectVersion = {
        index: aside.index,
        info: located.info,
      };
      // The answer need not wait for the shared cache's copy (compressing a
      // large index takes a while); this replica already has it. Nor should
      // it compete with it: a large index is packed once the answer is out.
      const answered = new AnswerGate();
      const stored = erdCache
        .putProject(located.key, project, aside.compiledSql, answered.opened)
        .catch(error =>
          logger.warn(
            `Could not store the index of ${located.info.kind} ${located.info.name} in the cache: ${error}`,
          ),
        );
      logger.info(
        `Indexed ${located.info.kind} ${
          located.info.name
        } for ${stringifyEntityRef(entity)}: ${index.nodes.length} tables, ${
          index.tests.length
        } tests in ${Date.now() - started} ms`,
      );
      return { project, compiledSql: aside.compiledSql, stored, answered };
    });
  }
}
