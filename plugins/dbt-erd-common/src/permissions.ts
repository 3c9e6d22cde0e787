import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Permissions of the dbt-erd plugin. The read permissions are resource
 * permissions on catalog entities, so an app's policy can decide them with
 * the catalog's conditions (e.g. isEntityOwner): the catalog resolves the
 * conditions for the entity the ERD is read for.
 */

/** Reading an entity's ERD: the tab, exports, diffs and the actions. */
export const dbtErdReadPermission = createPermission({
  name: 'dbt-erd.erd.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Seeing each model's compiled SQL in the `json` export. */
export const dbtErdReadSqlPermission = createPermission({
  name: 'dbt-erd.erd.read-sql',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Dropping an entity's cached ERD and rebuilding it from its source. */
export const dbtErdRefreshPermission = createPermission({
  name: 'dbt-erd.erd.refresh',
  attributes: { action: 'update' },
});

/** Every permission of the plugin, for the permissions registry. */
export const dbtErdPermissions = [
  dbtErdReadPermission,
  dbtErdReadSqlPermission,
  dbtErdRefreshPermission,
];
