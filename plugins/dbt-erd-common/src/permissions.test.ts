import {
  dbtErdPermissions,
  dbtErdReadPermission,
  dbtErdReadSqlPermission,
  dbtErdRefreshPermission,
} from './permissions';

describe('dbt-erd permissions', () => {
  it('reads are resource permissions on catalog entities, so policies can use catalog conditions', () => {
    for (const permission of [dbtErdReadPermission, dbtErdReadSqlPermission]) {
      expect(permission).toMatchObject({
        type: 'resource',
        resourceType: 'catalog-entity',
        attributes: { action: 'read' },
      });
    }
    expect(dbtErdReadPermission.name).toBe('dbt-erd.erd.read');
    expect(dbtErdReadSqlPermission.name).toBe('dbt-erd.erd.read-sql');
  });

  it('refresh stays a basic update permission, and all three are registered', () => {
    expect(dbtErdRefreshPermission).toEqual({
      type: 'basic',
      name: 'dbt-erd.erd.refresh',
      attributes: { action: 'update' },
    });
    expect(dbtErdPermissions.map(p => p.name)).toEqual([
      'dbt-erd.erd.read',
      'dbt-erd.erd.read-sql',
      'dbt-erd.erd.refresh',
    ]);
  });
});
