import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';

/** The `dbtErd.cloud` config of one account named main on a fake dbt Cloud. */
export function mainAccountOn(
  fake: FakeDbtCloudServer,
  account: { accountId: number; token: string },
) {
  return {
    accounts: [{ name: 'main', accessUrl: fake.url, ...account }],
  };
}
