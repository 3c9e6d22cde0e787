import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  buildErd,
  buildErdFromBytes,
  ErdBuildResult,
  ErdInputError,
  ErdOptions,
  resolveErdOptions,
  encodeTabErd,
  ErdResponse,
} from 'backstage-plugin-dbt-erd-common';
import {
  ArtifactSource,
  LocatedArtifacts,
} from '../sources/ArtifactSource';
import {
  ArtifactSourceContext,
  resolveArtifactSource,
} from '../sources/resolveArtifactSource';
import { ArtifactsInvalidError } from './ArtifactsInvalidError';
import { ErdOptionsQuery, readErdOptions } from './readErdOptions';
import { erdEtag, ServedErd, ServedErds } from './ServedErds';
import { SingleFlight } from './SingleFlight';

/** What the ERD route serves: the canonical ERD plus where it came from (the common contract). */
export type { ErdResponse };

interface ErdRequest {
  key: string;
  source: ArtifactSource;
  located: LocatedArtifacts;
  options: ErdOptions;
  keepCompiledSql: boolean;
}

/** How an ERD is wanted beyond the engine's options. */
export interface ErdVariant {
  /**
   * Keep each model's compiled SQL: only the `json` export prints it, and on
   * large projects it is most of the memory, so the tab goes without.
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

/**
 * Builds an entity's ERD: resolves its annotations to an artifact source,
 * serves a cached build when the same artifacts and options were built
 * before (shared by every replica through the CacheService), and otherwise
 * downloads once however many requests wait for it.
 */
export class ErdService {
  private readonly inFlight = new SingleFlight<string>();
  private readonly served = new ServedErds();

  constructor(
    private readonly context: ArtifactSourceContext & {
      logger: LoggerService;
      cache: CacheService;
    },
  ) {}

  /**
   * The ERD ready to send. The shared cache holds the JSON text and its
   * ETag; this replica keeps recent ones compressed, and checks only the
   * small ETag entry per request.
   */
  async getServedErd(
    entity: Entity,
    query: ErdOptionsQuery = {},
  ): Promise<ServedErd> {
    const request = await this.prepare(entity, query, {});
    const etag = await this.context.cache.get<string>(`${request.key}:etag`);
    const served = etag && this.served.get(request.key, etag);
    if (served) return served;
    const cached = await this.context.cache.get<string>(request.key);
    const json =
      typeof cached === 'string' ? cached : await this.build(entity, request);
    // The tab gets its compact encoding (descriptions come with the drawer).
    const tab = JSON.stringify(encodeTabErd(JSON.parse(json)));
    return this.served.put(request.key, tab, etag || erdEtag(json));
  }

  /** `source` overrides the entity's own (the base side of a diff). */
  async getErd(
    entity: Entity,
    query: ErdOptionsQuery = {},
    variant: ErdVariant = {},
    source?: ArtifactSource,
  ): Promise<ErdResponse> {
    return JSON.parse(await this.getErdJson(entity, query, variant, source));
  }

  /**
   * The ERD response as JSON text. The cache holds the text, so serving a
   * cached ERD costs no serialisation at all: the hot path of a tab that
   * many people open many times a day.
   */
  async getErdJson(
    entity: Entity,
    query: ErdOptionsQuery = {},
    variant: ErdVariant = {},
    source?: ArtifactSource,
  ): Promise<string> {
    const request = await this.prepare(entity, query, variant, source);
    const cached = await this.context.cache.get<string>(request.key);
    if (typeof cached === 'string') {
      return cached;
    }
    return this.build(entity, request);
  }

  /** Forgets what is cached for the entity (run lookup and ERD), then builds anew. */
  async refresh(
    entity: Entity,
    query: ErdOptionsQuery = {},
  ): Promise<ErdResponse> {
    const source = resolveArtifactSource(entity, this.context);
    const lookupKey = source.lookupKey?.();
    if (lookupKey) await this.context.cache.delete(lookupKey);
    const request = await this.prepare(entity, query, {}, source);
    await this.context.cache.delete(request.key);
    return JSON.parse(await this.build(entity, request));
  }

  private async prepare(
    entity: Entity,
    query: ErdOptionsQuery,
    { keepCompiledSql = false }: ErdVariant,
    source = resolveArtifactSource(entity, this.context),
  ): Promise<ErdRequest> {
    const options = resolveEntityErdOptions(
      entity,
      query,
      this.context.config.defaults,
    );
    const located = await source.locate();
    const key = `erd:v2:${located.key}:${JSON.stringify(options)}${
      keepCompiledSql ? ':sql' : ''
    }`;
    return { key, source, located, options, keepCompiledSql };
  }

  private build(
    entity: Entity,
    { key, source, located, options, keepCompiledSql }: ErdRequest,
  ) {
    return this.inFlight.run(key, async () => {
      const started = Date.now();
      const artifacts = await source.fetch(located, { algo: options.algo });
      let built: ErdBuildResult;
      try {
        built =
          artifacts.manifest instanceof Uint8Array
            ? await buildErdFromBytes(
                {
                  manifest: artifacts.manifest,
                  catalog: artifacts.catalog as Uint8Array | undefined,
                },
                options,
                { keepCompiledSql },
              )
            : buildErd(artifacts, options);
      } catch (error) {
        if (error instanceof ErdInputError)
          throw new ArtifactsInvalidError(error.message);
        throw error;
      }
      const { erd, warnings } = built;
      const response: ErdResponse = {
        ...erd,
        source: located.info,
        warnings: [...(artifacts.warnings ?? []), ...warnings],
      };
      const json = JSON.stringify(response);
      const ttl = this.context.config.cacheTtlMs;
      await this.context.cache.set(key, json, { ttl });
      await this.context.cache.set(`${key}:etag`, erdEtag(json), { ttl });
      this.context.logger.info(
        `Built ERD for ${stringifyEntityRef(entity)} from ${
          located.info.kind
        } ${located.info.name}: ` +
          `${erd.nodes.length} tables, ${erd.edges.length} relationships in ${
            Date.now() - started
          } ms`,
      );
      return json;
    });
  }
}
