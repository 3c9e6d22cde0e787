/**
 * One backend measurement in its own process: a fake dbt Cloud on 127.0.0.1
 * serving the artifacts of `dir` as run 1 (job 1), the dbt-erd backend plugin
 * started with startTestBackend, then the first build of the ERD through the
 * HTTP API (download included). Prints one JSON line, then keeps serving so
 * the parent can load-test the cached ERD; exits on SIGTERM.
 *   node bench/backendServer.js <artifactsDir>
 */
/* eslint-disable no-console */
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('node:fs');
const path = require('node:path');
const {
  mockServices,
  startTestBackend,
} = require('@backstage/backend-test-utils');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');
const { FakeDbtCloudServer } = require('../plugins/dbt-erd-node/src/testing');
const { dbtErdPlugin } = require('../plugins/dbt-erd-backend/src/plugin');

const dir = process.argv[2];
const TOKEN = 'dbtc_bench-token';

async function main() {
  const fake = await new FakeDbtCloudServer({
    accounts: [
      {
        id: 1,
        token: TOKEN,
        runs: [
          {
            id: 1,
            job_definition_id: 1,
            artifacts: {
              'manifest.json': fs.readFileSync(path.join(dir, 'manifest.json')),
              'catalog.json': fs.readFileSync(path.join(dir, 'catalog.json')),
            },
          },
        ],
      },
    ],
  }).start();
  const { server } = await startTestBackend({
    features: [
      dbtErdPlugin,
      mockServices.rootConfig.factory({
        data: {
          dbtErd: {
            cloud: {
              maxArtifactBytes: 2 * 1024 ** 3,
              accounts: [
                {
                  name: 'main',
                  accountId: 1,
                  accessUrl: fake.url,
                  token: TOKEN,
                },
              ],
            },
          },
        },
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'bench',
              namespace: 'default',
              annotations: { 'getdbt.com/cloud-job-id': '1' },
            },
            spec: {},
          },
        ],
      }),
    ],
  });
  const url = `http://127.0.0.1:${
    server.address().port
  }/api/dbt-erd/entities/default/component/bench/erd`;
  const started = process.hrtime.bigint();
  const response = await fetch(url);
  const body = await response.json();
  const firstBuildMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (!response.ok)
    throw new Error(
      `first build failed: ${response.status} ${JSON.stringify(body)}`,
    );
  console.log(
    JSON.stringify({
      url,
      firstBuildMs,
      tables: body.nodes.length,
      relationships: body.edges.length,
      bytes: JSON.stringify(body).length,
      rssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.on('SIGTERM', async () => {
    await fake.stop();
    process.exit(0);
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
