#!/usr/bin/env node
/*
 * Plays dbt Cloud on http://127.0.0.1:8765 for the dev app: account 1, job 1
 * whose latest successful run (1) carries the demo project's artifacts.
 *   yarn dev:fake-dbt-cloud        (in one terminal)
 *   DBT_CLOUD_ACCESS_URL=http://127.0.0.1:8765 DBT_CLOUD_ACCOUNT_ID=1 \
 *   DBT_CLOUD_SERVICE_TOKEN=dev-token DBT_CLOUD_JOB_ID=1 bash scripts/run.sh start
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const {
  FakeDbtCloudServer,
} = require('../plugins/dbt-erd-node/src/testing');

const port = Number(process.env.FAKE_DBT_CLOUD_PORT || 8765);
const target = resolve(__dirname, '../examples/dbt/target');
const read = file => JSON.parse(readFileSync(`${target}/${file}`, 'utf8'));

new FakeDbtCloudServer({
  port,
  accounts: [
    {
      id: 1,
      token: 'dev-token',
      runs: [
        {
          id: 1,
          job_definition_id: 1,
          finished_at: new Date().toISOString(),
          artifacts: {
            'manifest.json': read('manifest.json'),
            'catalog.json': read('catalog.json'),
          },
        },
      ],
    },
  ],
})
  .start()
  .then(server => {
    console.log(`Fake dbt Cloud listening on ${server.url} (account 1, job 1, token dev-token)`);
  });
