/** The `dbtErd.cloud` config of one account named main on a fake dbt Cloud (or any access URL). */
export function mainAccountOn(
  fake: { url: string },
  account: { accountId: number; token: string; discoveryUrl?: string },
) {
  return {
    accounts: [{ name: 'main', accessUrl: fake.url, ...account }],
  };
}
