import {
  configAccount as account,
  readDbtErd as read,
  startupError,
} from '../__testUtils__/readConfig';

describe('readDbtErdConfig', () => {
  it('reads accounts, local projects, defaults and the cache ttl', () => {
    const config = read({
      cloud: {
        accounts: [
          account({ accessUrl: 'https://xy9.eu1.dbt.com/', accountId: '42' }),
        ],
      },
      localProjects: [{ name: 'demo', path: './target' }],
      defaults: { algo: 'semantic', resourceTypes: ['model', 'source'] },
      cache: { ttl: { minutes: 5 } },
    });
    expect(config.accounts).toEqual([
      {
        name: 'main',
        accountId: 42,
        accessUrl: 'https://xy9.eu1.dbt.com',
        token: 'dbtc_secret',
        discoveryUrl: undefined,
      },
    ]);
    expect(config.localProjects).toEqual([{ name: 'demo', path: './target' }]);
    expect(config.defaults).toEqual({
      algo: 'semantic',
      resourceTypes: ['model', 'source'],
    });
    expect(config.cacheTtlMs).toBe(5 * 60_000);
  });

  it('defaults to a 30 minute cache', () => {
    const config = read({ cloud: { accounts: [account()] } });
    expect(config.cacheTtlMs).toBe(30 * 60_000);
    expect(read(undefined)).toEqual({
      accounts: [],
      limits: {
        servedBytes: 256 * 1024 * 1024,
        indexBytes: 128 * 1024 * 1024,
        buildConcurrency: 2,
        buildConcurrencyPerAccount: 1,
      },
      localProjects: [],
      defaults: {},
      cacheTtlMs: 30 * 60_000,
      client: {},
      prebuildSchedule: undefined,
      warnings: [],
    });
  });

  it.each([
    [{ token: '' }, 'dbtErd.cloud.accounts[0].token is missing'],
    [{ token: undefined }, 'dbtErd.cloud.accounts[0].token is missing'],
    [
      { accountId: 'abc' },
      'dbtErd.cloud.accounts[0].accountId must be a numeric',
    ],
    [{ accountId: undefined }, 'dbtErd.cloud.accounts[0].accountId is missing'],
    [
      { accessUrl: 'not a url' },
      'dbtErd.cloud.accounts[0].accessUrl "not a url" is not a valid URL',
    ],
    [
      { accessUrl: 'ftp://x.example' },
      'dbtErd.cloud.accounts[0].accessUrl must be an http(s) URL',
    ],
  ])('fails at start-up on %j, without the token', (overrides, message) => {
    const error = startupError({ cloud: { accounts: [account(overrides)] } });
    expect(error.message).toContain(message);
  });

  it('rejects duplicate names and never echoes the token', () => {
    expect(
      startupError({ cloud: { accounts: [account(), account()] } }).message,
    ).toBe(
      'dbtErd.cloud.accounts has two entries named "main": names must be unique',
    );
    expect(
      startupError({
        localProjects: [
          { name: 'a', path: 'x' },
          { name: 'a', path: 'y' },
        ],
      }).message,
    ).toContain('dbtErd.localProjects has two entries named "a"');
  });
});
