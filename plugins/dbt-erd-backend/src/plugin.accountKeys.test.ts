import { Entity } from '@backstage/catalog-model';
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeDbtCloudServer } from 'backstage-plugin-dbt-erd-node/testUtils';
import request from 'supertest';
import { dbtCloudConfigFactory } from './__testUtils__/dbtErdConfig';
import { demoArtifacts } from './__testUtils__/demoArtifacts';
import { dbtErdPlugin } from './plugin';
import { tabErd } from './__testUtils__/tabErd';

const ACCOUNT_ID = 12345;
const US_TOKEN = 'dbtc_US-account-token-0123';
const EU_TOKEN = 'dbtc_EU-account-token-4567';
const { 'manifest.json': demoManifest } = demoArtifacts;
const DROPPED = 'model.acme_analytics.fct_orders';

/** The EU account's project lacks one model, so its ERD is told apart at a glance. */
const euManifest = {
  ...demoManifest,
  nodes: Object.fromEntries(
    Object.entries(demoManifest.nodes).filter(([id]) => id !== DROPPED),
  ),
};

const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});

const fakeWith = (token: string, manifest: object) =>
  new FakeDbtCloudServer({
    accounts: [
      {
        id: ACCOUNT_ID,
        token,
        runs: [
          {
            id: 123,
            job_definition_id: 45,
            finished_at: '2026-11-28T06:00:00Z',
            artifacts: { 'manifest.json': manifest },
          },
        ],
      },
    ],
  }).start();

/**
 * Issue 17.3: two accounts with the same numeric id on different access URLs
 * (two regions or cells) must never be served each other's ERD, whether the
 * entity pins the run or follows the job.
 */
describe('dbt-erd backend: accounts with the same numeric id', () => {
  let us: FakeDbtCloudServer;
  let eu: FakeDbtCloudServer;
  beforeEach(async () => {
    [us, eu] = await Promise.all([
      fakeWith(US_TOKEN, demoManifest),
      fakeWith(EU_TOKEN, euManifest),
    ]);
  });
  afterEach(async () => {
    await Promise.all([us.stop(), eu.stop()]);
  });

  async function startBackend() {
    const account = (
      name: string,
      fake: FakeDbtCloudServer,
      token: string,
    ) => ({
      name,
      accountId: ACCOUNT_ID,
      accessUrl: fake.url,
      token,
    });
    const { server } = await startTestBackend({
      features: [
        dbtErdPlugin,
        dbtCloudConfigFactory([
          account('us', us, US_TOKEN),
          account('eu', eu, EU_TOKEN),
        ]),
        catalogServiceMock.factory({
          entities: ['us', 'eu'].flatMap(name => [
            entity(`${name}-run`, {
              'getdbt.com/cloud-account': name,
              'getdbt.com/cloud-run-id': '123',
            }),
            entity(`${name}-job`, {
              'getdbt.com/cloud-account': name,
              'getdbt.com/cloud-job-id': '45',
            }),
          ]),
        }),
      ],
    });
    return async (name: string) => {
      const res = await request(server).get(
        `/api/dbt-erd/entities/default/component/${name}/erd`,
      );
      expect(res.status).toBe(200);
      return tabErd(res).nodes.map((n: { id: string }) => n.id) as string[];
    };
  }

  it.each(['run', 'job'])(
    'serves each account its own ERD by %s, both orders, from one shared cache',
    async kind => {
      const erdOf = await startBackend();
      expect(await erdOf(`us-${kind}`)).toContain(DROPPED);
      expect(await erdOf(`eu-${kind}`)).not.toContain(DROPPED);
      // Again, now that both are cached: still no cross-serving.
      expect(await erdOf(`us-${kind}`)).toContain(DROPPED);
      expect(await erdOf(`eu-${kind}`)).not.toContain(DROPPED);
      expect(
        eu.requestCount(
          FakeDbtCloudServer.paths.runArtifact(
            ACCOUNT_ID,
            123,
            'manifest.json',
          ),
        ),
      ).toBeGreaterThan(0);
    },
  );
});
