import { ConfigReader } from '@backstage/config';
import { readDbtErdConfig } from './readDbtErdConfig';

const read = (account: Record<string, unknown>) =>
  readDbtErdConfig(
    new ConfigReader({
      dbtErd: {
        cloud: {
          accounts: [
            { name: 'main', accountId: 1, token: 'dbtc_secret', ...account },
          ],
        },
      },
    }),
  );

describe('readDbtErdConfig: access URLs as they are in 2026', () => {
  it('requires the access URL and says where to find it', () => {
    expect(() => read({})).toThrow(
      "dbtErd.cloud.accounts[0].accessUrl is missing: there is no default any more; use the account's own access URL from dbt Cloud's Account settings → Access URLs (e.g. https://ab123.us1.dbt.com)",
    );
    expect(() => read({ accessUrl: '  ' })).toThrow(
      'dbtErd.cloud.accounts[0].accessUrl is missing',
    );
  });

  it.each([
    'https://ab123.us1.dbt.com',
    'https://ab123.acme.dbt.com',
    'https://dbt.acme.internal:8443',
    'http://127.0.0.1:8765',
    'http://localhost:8765',
    'http://[::1]:8765',
  ])('accepts %s without a warning', accessUrl => {
    const config = read({ accessUrl });
    expect(config.accounts[0].accessUrl).toBe(accessUrl);
    expect(config.warnings).toEqual([]);
  });

  it.each([
    'http://ab123.us1.dbt.com',
    'http://10.0.0.5:8080',
    'http://127.0.0.1.nip.io',
  ])('refuses %s: the token would travel in clear text', accessUrl => {
    expect(() => read({ accessUrl })).toThrow(
      /^dbtErd\.cloud\.accounts\[0\]\.accessUrl "http:\/\/[^"]+" uses http: the service token would travel in clear text; use https/,
    );
  });

  it('refuses an http Discovery URL too', () => {
    expect(() =>
      read({
        accessUrl: 'https://ab123.us1.dbt.com',
        discoveryUrl: 'http://ab123.metadata.us1.dbt.com/graphql',
      }),
    ).toThrow(/discoveryUrl .* uses http/);
  });

  it.each([
    'https://cloud.getdbt.com',
    'https://emea.dbt.com',
    'https://au.dbt.com',
    'https://acme.getdbt.com',
  ])('warns, but starts, on the deprecated region URL %s', accessUrl => {
    const config = read({ accessUrl });
    expect(config.accounts[0].accessUrl).toBe(accessUrl);
    expect(config.warnings).toEqual([
      expect.stringContaining(
        `dbtErd.cloud.accounts[0].accessUrl ${
          new URL(accessUrl).hostname
        } is a deprecated dbt Cloud region URL`,
      ),
    ]);
    expect(config.warnings[0]).toContain('Account settings → Access URLs');
    expect(config.warnings[0]).toContain('1 November 2026');
    expect(config.warnings[0]).not.toContain('dbtc_secret');
  });
});
