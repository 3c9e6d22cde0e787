import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';

/** A root config service holding `dbtErd.cloud` with these accounts (and other cloud keys). */
export function dbtCloudConfigFactory(
  accounts: JsonObject[],
  cloud: JsonObject = {},
) {
  return mockServices.rootConfig.factory({
    data: { dbtErd: { cloud: { ...cloud, accounts } } },
  });
}
