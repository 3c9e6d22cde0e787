import { JsonObject } from '@backstage/types';
import { dbtCloudConfigFactory } from './dbtErdConfig';

/** The `dbtErd.cloud` config of one account named main on a fake dbt Cloud (or any access URL). */
export function mainAccountOn(
  fake: { url: string },
  account: { accountId: number; token: string; discoveryUrl?: string },
) {
  return {
    accounts: [{ name: 'main', accessUrl: fake.url, ...account }],
  };
}

/** A root config service whose `dbtErd.cloud` is mainAccountOn(fake, account) with these other cloud keys. */
export function mainAccountConfigFactory(
  fake: { url: string },
  account: { accountId: number; token: string; discoveryUrl?: string },
  cloud: JsonObject = {},
) {
  return dbtCloudConfigFactory(mainAccountOn(fake, account).accounts, cloud);
}
