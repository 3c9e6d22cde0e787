import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import request from 'supertest';
import { dbtErdPlugin } from './plugin';

/*
 * Crafted annotations and query parameters: each is refused with a 400 that
 * names what was wrong, before any request leaves the backend.
 */
const cases: Array<[string, Record<string, string>, RegExp, string?]> = [
  [
    'url: with file://',
    { 'getdbt.com/artifacts-location': 'url:file:///etc/passwd' },
    /artifacts-location: the file: scheme is not allowed/,
  ],
  [
    'url: at the metadata address',
    {
      'getdbt.com/artifacts-location':
        'url:http://169.254.169.254/latest/meta-data',
    },
    /artifacts-location: the address 169\.254\.169\.254 is internal/,
  ],
  [
    'url: at loopback',
    { 'getdbt.com/artifacts-location': 'url:http://127.0.0.1:7007/api' },
    /artifacts-location: the address 127\.0\.0\.1 is internal/,
  ],
  [
    'url: at localhost',
    { 'getdbt.com/artifacts-location': 'url:http://localhost/x' },
    /artifacts-location: the host localhost is not allowed/,
  ],
  [
    'url: at an IPv6 link-local address',
    { 'getdbt.com/artifacts-location': 'url:http://[fe80::1]/x' },
    /artifacts-location: the address fe80::1 is internal/,
  ],
  [
    'url: with credentials',
    { 'getdbt.com/artifacts-location': 'url:https://user:pw@github.com/x' },
    /credentials in the URL/,
  ],
  [
    'url: on a host no integration allows',
    { 'getdbt.com/artifacts-location': 'url:https://evil.example.com/target' },
    /artifacts-location: reading https:\/\/evil\.example\.com\/target is not allowed/,
  ],
  [
    'local: with ../',
    { 'getdbt.com/artifacts-location': 'local:../../etc' },
    /artifacts-location names local project "\.\.\/\.\.\/etc", which is not configured/,
  ],
  [
    'unknown scheme',
    { 'getdbt.com/artifacts-location': '/etc/passwd' },
    /must start with "local:" or "url:"/,
  ],
  [
    'run id that is not a number',
    { 'getdbt.com/cloud-run-id': '12; DROP TABLE runs' },
    /cloud-run-id must be a numeric dbt Cloud id/,
  ],
  [
    'negative job id',
    { 'getdbt.com/cloud-job-id': '-5' },
    /cloud-job-id must be a numeric dbt Cloud id/,
  ],
  [
    'job id in exponent form',
    { 'getdbt.com/cloud-job-id': '1e3' },
    /cloud-job-id must be a numeric/,
  ],
  [
    'huge environment id',
    { 'getdbt.com/cloud-environment-id': '9'.repeat(40) },
    /cloud-environment-id must be a numeric/,
  ],
  [
    'unknown account',
    {
      'getdbt.com/cloud-job-id': '1',
      'getdbt.com/cloud-account': 'x'.repeat(5000),
    },
    /cloud-account names dbt Cloud account "x{80}", which is not configured/,
  ],
  [
    'control characters in a selector',
    {
      'getdbt.com/cloud-job-id': '1',
      'getdbt.com/erd-select': 'model.\u0000shop\u001b[31m',
    },
    /erd-select contains control characters/,
  ],
  [
    'a 100 kB selector',
    {
      'getdbt.com/cloud-job-id': '1',
      'getdbt.com/erd-select': 'a'.repeat(100_000),
    },
    /erd-select is 100000 characters long; the limit is 2000/,
  ],
  [
    'an unknown algorithm',
    { 'getdbt.com/cloud-job-id': '1', 'getdbt.com/erd-algo': '__proto__' },
    /algo|__proto__/,
  ],
  [
    'an unknown selector rule',
    {
      'getdbt.com/cloud-job-id': '1',
      'getdbt.com/erd-select': 'constructor:x',
    },
    /constructor/,
  ],
  [
    'an unknown resource type',
    {
      'getdbt.com/cloud-job-id': '1',
      'getdbt.com/erd-resource-types': 'macro',
    },
    /macro/,
  ],
  [
    'a bad query parameter',
    { 'getdbt.com/cloud-job-id': '1' },
    /entityNameFormat contains control characters/,
    '?entityNameFormat=%07',
  ],
  [
    'an unknown export format',
    { 'getdbt.com/cloud-job-id': '1' },
    /format "\.\.\/\.\.\/x" is not supported/,
    '?format=../../x',
  ],
];

describe('hostile annotations', () => {
  let fake: FakeDbtCloudServer;
  beforeAll(async () => {
    fake = await new FakeDbtCloudServer({
      accounts: [{ id: 1, token: 'dbtc_t' }],
    }).start();
  });
  afterAll(() => fake.stop());

  it.each(cases)(
    'refuses %s with a 400',
    async (_name, annotations, message, query = '') => {
      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'target', namespace: 'default', annotations },
        spec: {},
      };
      const { server } = await startTestBackend({
        features: [
          dbtErdPlugin,
          mockServices.rootConfig.factory({
            data: {
              dbtErd: {
                cloud: {
                  accounts: [
                    {
                      name: 'main',
                      accountId: 1,
                      accessUrl: fake.url,
                      token: 'dbtc_t',
                    },
                  ],
                },
                localProjects: [{ name: 'demo', path: '/nonexistent' }],
              },
            },
          }),
          catalogServiceMock.factory({ entities: [entity] }),
        ],
      });
      const before = fake.requestCount();
      const res = await request(server).get(
        `/api/dbt-erd/entities/default/component/target/erd${query}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message.length).toBeLessThan(600);
      expect(fake.requestCount()).toBe(before);
    },
  );
});
