import { AuditorService, CacheService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  DBT_ARTIFACTS_LOCATION_ANNOTATION,
  DBT_CLOUD_ACCOUNT_ANNOTATION,
} from 'backstage-plugin-dbt-erd-common';
import { DbtCloudClient } from 'backstage-plugin-dbt-erd-node';
import {
  DbtCloudAccountConfig,
  LocalProjectConfig,
} from '../../config/readDbtErdConfig';
import { LocatedArtifacts } from '../../sources/ArtifactSource';
import {
  entityNamespace,
  entityOwnerRefs,
  isWithinReach,
} from './entityOwnership';
import { lookupProjectId } from './lookupProjectId';

/** What an entity's annotations point to, with the config that limits it. */
export type GuardedTarget =
  | { kind: 'cloud'; account: DbtCloudAccountConfig; client: DbtCloudClient }
  | { kind: 'local'; project: LocalProjectConfig };

/** The audit event of a refused source, with the default `medium` severity. */
export const SOURCE_REFUSED_EVENT = 'erd-source-refused';

/**
 * The tenancy checks of dbt Cloud accounts and local projects: who may use
 * them (allowedOwners, allowedNamespaces) and which dbt Cloud projects an
 * account serves (projectIds). A refusal is a NotAllowedError (403) naming
 * the annotation or project and the account, never its token, and an audit
 * event; nothing is downloaded for it.
 */
export class SourceAccessGuard {
  constructor(
    private readonly cache: CacheService,
    private readonly auditor?: AuditorService,
  ) {}

  /** Before any lookup: the entity's owner or namespace must be allowed. */
  async assertEntityMayUse(
    entity: Entity,
    target: GuardedTarget,
  ): Promise<void> {
    const reach = target.kind === 'cloud' ? target.account : target.project;
    if (isWithinReach(entity, reach)) return;
    const owners = entityOwnerRefs(entity);
    const who = `entities owned by ${
      owners.length ? owners.join(', ') : 'nobody'
    } in namespace ${entityNamespace(entity)}`;
    const message =
      target.kind === 'cloud'
        ? `${DBT_CLOUD_ACCOUNT_ANNOTATION}: dbt Cloud account "${target.account.name}" (id ${target.account.accountId}) may not be used by ${who}; ask the platform team to add the owner to the account's allowedOwners (or the namespace to allowedNamespaces)`
        : `${DBT_ARTIFACTS_LOCATION_ANNOTATION}: local project "${target.project.name}" may not be used by ${who}; ask the platform team to add the owner to its allowedOwners (or the namespace to allowedNamespaces)`;
    await this.refuse(entity, target, message, { reason: 'owner' });
  }

  /**
   * After the (cached) lookup, before any download: the run, job or
   * environment must belong to a project the account serves. Runs on
   * every request, cached ERDs included, since a cached ERD may have been
   * built for another team's entity.
   */
  async assertProjectServed(
    entity: Entity,
    located: LocatedArtifacts,
    target: GuardedTarget,
  ): Promise<void> {
    if (target.kind !== 'cloud' || !target.account.projectIds) return;
    const { account, client } = target;
    const info = located.info;
    const projectId = await lookupProjectId(info, client, this.cache);
    if (projectId !== undefined) info.projectId = projectId;
    if (projectId !== undefined && account.projectIds!.includes(projectId)) {
      return;
    }
    const what = describeLookup(info);
    const message =
      projectId === undefined
        ? `${what} names no dbt Cloud project (the job has no listed run), so account "${account.name}" (id ${account.accountId}), which is limited to some projects, does not serve it`
        : `${what} belongs to dbt Cloud project ${projectId}, which account "${account.name}" (id ${account.accountId}) does not serve; ask the platform team to add it to the account's projectIds, or use the account of that project`;
    await this.refuse(entity, target, message, {
      reason: 'project',
      ...(projectId !== undefined ? { projectId } : {}),
    });
  }

  private async refuse(
    entity: Entity,
    target: GuardedTarget,
    message: string,
    meta: JsonObject,
  ): Promise<never> {
    const error = new NotAllowedError(message);
    const event = await this.auditor?.createEvent({
      eventId: SOURCE_REFUSED_EVENT,
      severityLevel: 'medium',
      meta: {
        entityRef: stringifyEntityRef(entity),
        ...(target.kind === 'cloud'
          ? {
              account: target.account.name,
              accountId: target.account.accountId,
            }
          : { localProject: target.project.name }),
        ...meta,
      },
    });
    await event?.fail({ error });
    throw error;
  }
}

function describeLookup(info: LocatedArtifacts['info']): string {
  if (info.kind === 'dbt-cloud-environment') {
    return `dbt Cloud environment ${info.environmentId}`;
  }
  if (info.kind === 'dbt-cloud-job') {
    return info.runId !== undefined
      ? `dbt Cloud job ${info.jobId} (latest run ${info.runId})`
      : `dbt Cloud job ${info.jobId}`;
  }
  return `dbt Cloud run ${info.runId}`;
}
