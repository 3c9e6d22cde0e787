/**
 * Permissions of the dbt-erd plugin, in the shape of
 * `@backstage/plugin-permission-common`'s BasicPermission. Written as plain
 * objects so this package stays free of Backstage imports and runs anywhere.
 */

/** Dropping an entity's cached ERD and rebuilding it from its source. */
export const dbtErdRefreshPermission = {
  type: 'basic',
  name: 'dbt-erd.erd.refresh',
  attributes: { action: 'update' },
} as const;

/** Every permission of the plugin, for the permissions registry. */
export const dbtErdPermissions = [dbtErdRefreshPermission];
