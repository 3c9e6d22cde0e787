import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dbtErdReadPermission,
  dbtErdReadSqlPermission,
} from 'backstage-plugin-dbt-erd-common';
import { DbtErdDevPolicy } from './dbtErdPermissionPolicy';

describe('the dev app permission policy', () => {
  const credentials = mockCredentials.user('user:default/jane');
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async () => ({
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'],
    }),
  });
  const policy = new DbtErdDevPolicy(userInfo);
  const user = { credentials, info: {} as any };

  it('gives compiled SQL to the owners of the entity only (catalog isEntityOwner)', async () => {
    await expect(
      policy.handle({ permission: dbtErdReadSqlPermission }, user),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/jane', 'group:default/team-a'],
        },
      },
    });
    await expect(
      policy.handle({ permission: dbtErdReadSqlPermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('allows everything else, ERD reads included', async () => {
    await expect(
      policy.handle({ permission: dbtErdReadPermission }, user),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
