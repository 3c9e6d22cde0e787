import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dbtErdReadPermission,
  dbtErdReadSqlPermission,
} from 'backstage-plugin-dbt-erd-common';
import { entityNamespace } from './entityOwnership';

/** Audit event of a read refused by dbt-erd.erd.read (severity medium). */
export const READ_REFUSED_EVENT = 'erd-read-refused';
/** Audit event of a user reading the ERD of an entity in another namespace. */
export const CROSS_NAMESPACE_READ_EVENT = 'erd-read-other-namespace';

/**
 * The plugin's read permissions, asked for one entity: the decision's
 * conditions (e.g. the catalog's isEntityOwner) are resolved by the
 * permission framework against that entity.
 */
export class ErdReadPermissions {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly auditor?: AuditorService,
  ) {}

  /**
   * Throws the NotFoundError of an entity one may not see when
   * dbt-erd.erd.read is denied, so a denial tells nothing about the entity.
   */
  async assertMayRead(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const entityRef = stringifyEntityRef(entity);
    if (await this.isAllowed(dbtErdReadPermission, entityRef, credentials)) {
      await this.auditCrossNamespaceRead(entity, credentials);
      return;
    }
    const error = new NotFoundError(`Entity ${entityRef} not found`);
    const event = await this.auditor?.createEvent({
      eventId: READ_REFUSED_EVENT,
      severityLevel: 'medium',
      meta: {
        entityRef,
        permission: dbtErdReadPermission.name,
        ...principalMeta(credentials),
      },
    });
    await event?.fail({ error });
    throw error;
  }

  /** Whether the `json` export may carry compiled SQL (dbt-erd.erd.read-sql). */
  mayReadSql(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return this.isAllowed(
      dbtErdReadSqlPermission,
      stringifyEntityRef(entity),
      credentials,
    );
  }

  private async isAllowed(
    permission: typeof dbtErdReadPermission,
    resourceRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** A user reading a project of another catalog namespace than their own is worth an audit trail. */
  private async auditCrossNamespaceRead(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const principal = credentials.principal as { userEntityRef?: unknown };
    if (typeof principal?.userEntityRef !== 'string') return;
    const userNamespace = /^[^:]+:([^/]+)\//
      .exec(principal.userEntityRef)?.[1]
      ?.toLocaleLowerCase('en-US');
    if (!userNamespace || userNamespace === entityNamespace(entity)) return;
    const event = await this.auditor?.createEvent({
      eventId: CROSS_NAMESPACE_READ_EVENT,
      severityLevel: 'low',
      meta: {
        entityRef: stringifyEntityRef(entity),
        entityNamespace: entityNamespace(entity),
        userNamespace,
        ...principalMeta(credentials),
      },
    });
    await event?.success();
  }
}

function principalMeta(credentials: BackstageCredentials) {
  const principal = credentials.principal as {
    userEntityRef?: unknown;
    subject?: unknown;
  };
  if (typeof principal?.userEntityRef === 'string') {
    return { user: principal.userEntityRef };
  }
  return typeof principal?.subject === 'string'
    ? { service: principal.subject }
    : {};
}
