import { CacheService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { DbtCloudClient } from 'backstage-plugin-dbt-erd-node';
import {
  DbtCloudAccountConfig,
  LocalProjectConfig,
} from '../../config/readDbtErdConfig';
import { ArtifactSource } from '../../sources/ArtifactSource';
import { GuardedTarget, SourceAccessGuard } from './SourceAccessGuard';

/**
 * The source, checked on every `locate`: the owner check before the
 * lookup, the project check after it. Every ERD, export, diff and action
 * locates its source before it reads the cache, so cached ERDs and cached
 * lookups are checked too, and a refusal downloads nothing.
 */
export function guardArtifactSource(
  source: ArtifactSource,
  entity: Entity,
  target: GuardedTarget,
  guard: SourceAccessGuard,
): ArtifactSource {
  return {
    async locate() {
      await guard.assertEntityMayUse(entity, target);
      const located = await source.locate();
      await guard.assertProjectServed(entity, located, target);
      return located;
    },
    fetch: (located, read) => source.fetch(located, read),
    ...(source.lookupKey ? { lookupKey: () => source.lookupKey!() } : {}),
    ...(source.upstreamKey ? { upstreamKey: source.upstreamKey } : {}),
  };
}

/** What the guard needs from the artifact source context. */
export interface GuardContext {
  config: { accounts: DbtCloudAccountConfig[] };
  cache: CacheService;
  /** Set by the plugin (with its auditor); a bare one otherwise (tests). */
  access?: SourceAccessGuard;
}

/** A dbt Cloud source, limited by its account's projectIds and allowed owners. */
export function guardCloudSource(
  source: ArtifactSource,
  entity: Entity,
  client: DbtCloudClient,
  context: GuardContext,
): ArtifactSource {
  const account = context.config.accounts.find(
    a => a.name === client.accountName,
  );
  if (!account) return source;
  return guardArtifactSource(
    source,
    entity,
    { kind: 'cloud', account, client },
    context.access ?? new SourceAccessGuard(context.cache),
  );
}

/** A local project, limited by its allowed owners. */
export function guardLocalSource(
  source: ArtifactSource,
  entity: Entity,
  project: LocalProjectConfig,
  context: GuardContext,
): ArtifactSource {
  return guardArtifactSource(
    source,
    entity,
    { kind: 'local', project },
    context.access ?? new SourceAccessGuard(context.cache),
  );
}
