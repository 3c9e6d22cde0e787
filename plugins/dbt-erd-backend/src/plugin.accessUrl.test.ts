import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { CapturedLogs } from './__testUtils__/capturingLogger';
import { dbtCloudConfigFactory } from './__testUtils__/dbtErdConfig';
import { dbtErdPlugin } from './plugin';

const TOKEN = 'dbtc_START-up-token-0123456789';

const startWith = (
  account: Record<string, unknown>,
  logs = new CapturedLogs(),
) =>
  startTestBackend({
    features: [
      dbtErdPlugin,
      logs.factory(),
      dbtCloudConfigFactory([
        { name: 'main', accountId: 1, token: TOKEN, ...account },
      ]),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });

/** Issues 18.1 and 17.7 at start-up: the access URL the backend is given. */
describe('dbt-erd backend start-up: access URLs', () => {
  it('starts on a deprecated region URL, with a warning saying where the access URL is', async () => {
    const logs = new CapturedLogs();
    const { server } = await startWith(
      { accessUrl: 'https://cloud.getdbt.com' },
      logs,
    );
    expect((await request(server).get('/api/dbt-erd/health')).status).toBe(200);
    const warnings = logs.lines.filter(l =>
      l.startsWith(
        'warn dbtErd.cloud.accounts[0].accessUrl cloud.getdbt.com is a deprecated dbt Cloud region URL',
      ),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Account settings → Access URLs');
    expect(logs.lines.join('\n')).not.toContain(TOKEN);
  });

  it.each([
    [{}, /accessUrl is missing: there is no default any more/],
    [
      { accessUrl: 'http://ab123.us1.dbt.com' },
      /uses http: the service token would travel in clear text/,
    ],
  ])('refuses to start with %j', async (account, message) => {
    await expect(startWith(account)).rejects.toThrow(message);
  });
});
