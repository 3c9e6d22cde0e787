import {
  configAccount as account,
  readDbtErd as read,
  startupError,
} from '../__testUtils__/readConfig';

describe('readDbtErdConfig: tenancy keys', () => {
  it('reads projectIds, allowedOwners and allowedNamespaces, normalised', () => {
    const config = read({
      cloud: {
        accounts: [
          account({
            projectIds: [1, '22'],
            allowedOwners: ['team-a', 'User:Default/Jane', 'group:ops/dba'],
            allowedNamespaces: ['Finance'],
          }),
        ],
      },
      localProjects: [
        { name: 'demo', path: './t', allowedOwners: ['group:default/team-a'] },
      ],
    });
    expect(config.accounts[0]).toMatchObject({
      projectIds: [1, 22],
      allowedOwners: [
        'group:default/team-a',
        'user:default/jane',
        'group:ops/dba',
      ],
      allowedNamespaces: ['finance'],
    });
    expect(config.localProjects[0]).toEqual({
      name: 'demo',
      path: './t',
      allowedOwners: ['group:default/team-a'],
    });
  });

  it('leaves accounts open without the keys, as before', () => {
    const [main] = read({ cloud: { accounts: [account()] } }).accounts;
    expect(main).not.toHaveProperty('projectIds');
    expect(main).not.toHaveProperty('allowedOwners');
    expect(main).not.toHaveProperty('allowedNamespaces');
  });

  it.each([
    [
      { projectIds: [] },
      'dbtErd.cloud.accounts[0].projectIds must be a non-empty list',
    ],
    [
      { projectIds: 3 },
      'dbtErd.cloud.accounts[0].projectIds must be a non-empty list',
    ],
    [
      { projectIds: ['x1'] },
      'dbtErd.cloud.accounts[0].projectIds has "x1", which is not a numeric dbt Cloud project id',
    ],
    [{ projectIds: [0] }, 'not a numeric dbt Cloud project id'],
    [
      { allowedOwners: [] },
      'dbtErd.cloud.accounts[0].allowedOwners must be a non-empty list',
    ],
    [
      { allowedOwners: ['group:'] },
      'dbtErd.cloud.accounts[0].allowedOwners has "group:", which is not an entity ref',
    ],
    [
      { allowedNamespaces: ['a b'] },
      'dbtErd.cloud.accounts[0].allowedNamespaces has "a b", which is not a catalog namespace',
    ],
  ])('refuses %j', (overrides, message) => {
    expect(
      startupError({ cloud: { accounts: [account(overrides)] } }).message,
    ).toContain(message);
  });
});

describe('readDbtErdConfig: unknown keys', () => {
  it.each([
    [
      { clod: {} },
      'dbtErd.clod is not a dbt-erd setting; dbtErd accepts cloud, localProjects, defaults, prebuild, cache',
    ],
    [
      { cloud: { acounts: [] } },
      'dbtErd.cloud.acounts is not a dbt-erd setting; dbtErd.cloud accepts timeout',
    ],
    [
      { cloud: { accounts: [account({ allowedOwner: ['team-a'] })] } },
      'dbtErd.cloud.accounts[0].allowedOwner is not a dbt-erd setting; dbtErd.cloud.accounts[0] accepts name, accountId, accessUrl, token, discoveryUrl, projectIds, allowedOwners, allowedNamespaces',
    ],
    [
      { localProjects: [{ name: 'a', path: '.', projectIds: [1] }] },
      'dbtErd.localProjects[0].projectIds is not a dbt-erd setting',
    ],
    [
      { defaults: { algorithm: 'x' } },
      'dbtErd.defaults.algorithm is not a dbt-erd setting',
    ],
    [
      { cache: { ttl: { minutes: 1 }, size: 3 } },
      'dbtErd.cache.size is not a dbt-erd setting',
    ],
  ])('refuses %j, naming the key', (dbtErd, message) => {
    expect(startupError(dbtErd).message).toContain(message);
  });

  it('accepts every documented key, and leaves nested values of others alone', () => {
    expect(() =>
      read({
        cloud: {
          timeout: { seconds: 10 },
          rateLimitCoolDown: '5m',
          maxArtifactBytes: 1000,
          accounts: [
            account({ discoveryUrl: 'https://ab123.us1.dbt.com/graphql' }),
          ],
        },
        localProjects: [{ name: 'demo', path: '.' }],
        defaults: {
          algo: 'semantic',
          resourceTypes: ['model'],
          entityNameFormat: 'model',
          entityGroup: 'schema',
        },
        prebuild: {
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
        },
        cache: { ttl: { minutes: 5 } },
      }),
    ).not.toThrow();
  });
});
