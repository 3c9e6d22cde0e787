import {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import {
  buildErd,
  Erd,
  ErdOptions,
} from 'backstage-plugin-dbt-erd-common';
import { DbtErdConfig } from '../config/readDbtErdConfig';
import { ErdSourceInfo } from '../sources/ArtifactSource';
import { resolveArtifactSource } from '../sources/resolveArtifactSource';
import { ErdOptionsQuery, readErdOptions } from './readErdOptions';
import { SingleFlight } from './SingleFlight';

/** What the ERD route serves: the canonical ERD plus where it came from. */
export type ErdResponse = Erd & {
  source: ErdSourceInfo;
  warnings: string[];
};

/**
 * Builds an entity's ERD: resolves its annotations to an artifact source,
 * serves a cached build when the same artifacts and options were built
 * before, and otherwise downloads once however many requests wait.
 */
export class ErdService {
  private readonly config: DbtErdConfig;
  private readonly cache: CacheService;
  private readonly logger: LoggerService;
  private readonly inFlight = new SingleFlight<ErdResponse>();

  constructor(options: {
    config: DbtErdConfig;
    cache: CacheService;
    logger: LoggerService;
  }) {
    this.config = options.config;
    this.cache = options.cache;
    this.logger = options.logger;
  }

  async getErd(entity: Entity, query: ErdOptionsQuery = {}): Promise<ErdResponse> {
    const options = readErdOptions(entity, query, this.config.defaults);
    const source = resolveArtifactSource(entity, this.config);
    const located = await source.locate();
    const key = `erd:v1:${located.key}:${stableStringify(options)}`;

    const cached = await this.cache.get<JsonObject>(key);
    if (cached) {
      return cached as unknown as ErdResponse;
    }
    return this.inFlight.run(key, async () => {
      const started = Date.now();
      const artifacts = await source.fetch(located);
      const { erd, warnings } = buildErd(artifacts, options as Partial<ErdOptions>);
      const response: ErdResponse = { ...erd, source: located.info, warnings };
      await this.cache.set(key, response as unknown as JsonObject, {
        ttl: this.config.cacheTtlMs,
      });
      this.logger.info(
        `Built ERD for ${stringifyEntityRef(entity)} from ${located.info.kind} ${located.info.name}: ` +
          `${erd.nodes.length} tables, ${erd.edges.length} relationships in ${Date.now() - started} ms`,
      );
      return response;
    });
  }
}

function stableStringify(options: Partial<ErdOptions>): string {
  return JSON.stringify(
    Object.keys(options)
      .sort()
      .map(k => [k, options[k as keyof ErdOptions]]),
  );
}
