import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  diffErds,
  Erd,
  ErdColumn,
  ErdDiff,
  ErdNode,
  getErdDiffTarget,
} from 'backstage-plugin-dbt-erd-common';
import { ArtifactSource, ErdSourceInfo } from '../sources/ArtifactSource';
import {
  ArtifactSourceContext,
  resolveArtifactSource,
} from '../sources/resolveArtifactSource';
import {
  assertDbtCloudEntity,
  BaseRef,
  resolveBaseSource,
} from '../sources/resolveBaseSource';
import { ErdService, resolveEntityErdOptions } from './ErdService';
import { ErdOptionsQuery } from './readErdOptions';
import { erdEtag, ServedErd, ServedErds } from './ServedErds';
import { SingleFlight } from './SingleFlight';

/**
 * What only the base side still has, so that a viewer of head can draw it in
 * place as a ghost: the removed tables, and the removed columns of tables
 * present on both sides (the diff itself names them only).
 */
export interface ErdDiffGhosts {
  tables: ErdNode[];
  columns: Array<{ table_id: string; columns: ErdColumn[] }>;
}

/** What the diff route serves: the engine's diff plus where each side came from. */
export type ErdDiffResponse = ErdDiff & {
  sources: { base: ErdSourceInfo; head: ErdSourceInfo };
  ghosts: ErdDiffGhosts;
  warnings: string[];
};

/** The base side's removed tables and columns, as the base ERD has them. */
export function diffGhosts(base: Erd, diff: ErdDiff): ErdDiffGhosts {
  const baseNodes = new Map(base.nodes.map(node => [node.id, node]));
  const tables = diff.tables.removed.flatMap(id => baseNodes.get(id) ?? []);
  const columns = diff.tables.changed.flatMap(change => {
    if (change.columns.removed.length === 0) return [];
    const removed = new Set(change.columns.removed);
    const node = baseNodes.get(change.id);
    return node
      ? [
          {
            table_id: change.id,
            columns: node.columns.filter(c => removed.has(c.name)),
          },
        ]
      : [];
  });
  return { tables, columns };
}

interface BuiltDiff {
  json: string;
  markdown: string;
}

interface DiffPair {
  key: string;
  base: ArtifactSource;
  head: ArtifactSource;
}

/** How the diff document names a side, e.g. `dbt Cloud run 123 (job 45)`. */
export function describeSource(info: ErdSourceInfo): string {
  const job = info.jobId !== undefined ? ` (job ${info.jobId})` : '';
  switch (info.kind) {
    case 'dbt-cloud-run':
    case 'dbt-cloud-job':
      return info.runId !== undefined
        ? `dbt Cloud run ${info.runId}${job}`
        : `dbt Cloud job ${info.jobId} (latest artifacts)`;
    case 'dbt-cloud-environment':
      return `dbt Cloud environment ${info.environmentId}`;
    case 'local':
      return `local project ${info.name}`;
    default:
      return info.name;
  }
}

/**
 * The diff between an entity's ERD (head) and another run's (base). Both
 * sides come from the ErdService, so they share its cache; the diff itself
 * is keyed by the two immutable artifact versions and the options, so a
 * diff of two runs is built once and then served from the shared cache.
 */
export class ErdDiffService {
  private readonly inFlight = new SingleFlight<BuiltDiff>();
  private readonly served = new ServedErds(32 * 1024 * 1024);

  constructor(
    private readonly erds: ErdService,
    private readonly context: ArtifactSourceContext & {
      logger: LoggerService;
      cache: CacheService;
    },
  ) {}

  /** The diff as JSON, with its ETag and gzipped bytes. */
  async getServedDiff(
    entity: Entity,
    base: BaseRef,
    query: ErdOptionsQuery = {},
  ): Promise<ServedErd> {
    const pair = await this.locate(entity, base, query);
    // A diff of two immutable versions never changes: this replica's copy holds.
    const served = this.served.get(pair.key);
    if (served) return served;
    const cached = await this.context.cache.get<string>(pair.key);
    const json =
      typeof cached === 'string'
        ? cached
        : (await this.build(entity, pair, query)).json;
    return this.served.put(pair.key, json);
  }

  /** `erd-diff.md`, for a pull-request comment or a download. */
  async getMarkdown(
    entity: Entity,
    base: BaseRef,
    query: ErdOptionsQuery = {},
  ): Promise<string> {
    const pair = await this.locate(entity, base, query);
    const cached = await this.context.cache.get<string>(`${pair.key}:md`);
    if (typeof cached === 'string') return cached;
    return (await this.build(entity, pair, query)).markdown;
  }

  private async locate(
    entity: Entity,
    baseRef: BaseRef,
    query: ErdOptionsQuery,
  ): Promise<DiffPair> {
    assertDbtCloudEntity(entity);
    const options = resolveEntityErdOptions(
      entity,
      query,
      this.context.config.defaults,
    );
    const head = resolveArtifactSource(entity, this.context);
    const headLocated = await head.locate();
    const base = await resolveBaseSource(
      baseRef,
      entity,
      headLocated.info,
      this.context,
    );
    const baseLocated = await base.locate();
    return {
      key: `erd-diff:v2:${baseLocated.key}:${headLocated.key}:${JSON.stringify(
        options,
      )}`,
      base,
      head,
    };
  }

  private build(entity: Entity, pair: DiffPair, query: ErdOptionsQuery) {
    return this.inFlight.run(pair.key, async () => {
      const started = Date.now();
      const [base, head] = await Promise.all([
        this.erds.getErd(entity, query, {}, pair.base),
        this.erds.getErd(entity, query, {}, pair.head),
      ]);
      const diff = diffErds(base, head, {
        base: describeSource(base.source),
        head: describeSource(head.source),
      });
      const response: ErdDiffResponse = {
        ...diff,
        sources: { base: base.source, head: head.source },
        ghosts: diffGhosts(base, diff),
        warnings: [
          ...base.warnings.map(w => `base: ${w}`),
          ...head.warnings.map(w => `head: ${w}`),
        ],
      };
      const json = JSON.stringify(response);
      const markdown = getErdDiffTarget('markdown').render(diff, {
        base,
        head,
      });
      const ttl = this.context.config.cacheTtlMs;
      await this.context.cache.set(pair.key, json, { ttl });
      await this.context.cache.set(`${pair.key}:etag`, erdEtag(json), { ttl });
      await this.context.cache.set(`${pair.key}:md`, markdown, { ttl });
      const { tables, relationships } = diff.summary;
      this.context.logger.info(
        `Diffed ERD of ${stringifyEntityRef(entity)}: ${describeSource(
          base.source,
        )} → ${describeSource(head.source)}, tables +${tables.added} -${
          tables.removed
        } ~${tables.changed}, relationships +${relationships.added} -${
          relationships.removed
        } ~${relationships.changed} in ${Date.now() - started} ms`,
      );
      return { json, markdown };
    });
  }
}
