#!/usr/bin/env node
/*
 * Plays dbt Cloud on http://127.0.0.1:8765 for the dev app: account 1, job 1
 * whose latest successful run (2) carries the demo project's artifacts, and
 * whose run before (1) is the demo one change earlier (so "Compare with the
 * previous run" has something to show: see earlierDemo), and a CI job 2
 * whose run (3) dropped a relationships test.
 *   yarn dev:fake-dbt-cloud        (in one terminal)
 *   DBT_CLOUD_ACCESS_URL=http://127.0.0.1:8765 DBT_CLOUD_ACCOUNT_ID=1 \
 *   DBT_CLOUD_SERVICE_TOKEN=dev-token DBT_CLOUD_JOB_ID=1 bash scripts/run.sh start
 * scripts/e2e.sh starts it on a free port (FAKE_DBT_CLOUD_PORT) for the
 * browser test of the tab's comparison.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { FakeDbtCloudServer } = require('../plugins/dbt-erd-node/src/testing');

const port = Number(process.env.FAKE_DBT_CLOUD_PORT || 8765);
const target = resolve(__dirname, '../examples/dbt/target');
const read = file => JSON.parse(readFileSync(`${target}/${file}`, 'utf8'));
const demo = { manifest: read('manifest.json'), catalog: read('catalog.json') };

const PAYMENTS = 'model.acme_analytics.stg_payments';
const PAYMENTS_TEST =
  'test.acme_analytics.relationships_stg_payments_order_id__order_id__ref_stg_orders_.b6274f5544';
const renamed = (value, from, to) =>
  JSON.parse(JSON.stringify(value).split(from).join(to));

/**
 * The demo one run earlier: it still had stg_refunds (a copy of
 * stg_payments, with its relationships test to stg_orders), had no
 * fct_daily_revenue yet, and typed stg_orders.status as varchar.
 */
function earlierDemo() {
  const { manifest, catalog } = structuredClone(demo);
  const refunds = PAYMENTS.replace('stg_payments', 'stg_refunds');
  manifest.nodes[refunds] = renamed(
    manifest.nodes[PAYMENTS],
    'stg_payments',
    'stg_refunds',
  );
  catalog.nodes[refunds] = renamed(
    catalog.nodes[PAYMENTS],
    'stg_payments',
    'stg_refunds',
  );
  const test = renamed(
    manifest.nodes[PAYMENTS_TEST],
    'stg_payments',
    'stg_refunds',
  );
  manifest.nodes[test.unique_id] = test;
  delete manifest.nodes['model.acme_analytics.fct_daily_revenue'];
  delete catalog.nodes['model.acme_analytics.fct_daily_revenue'];
  catalog.nodes['model.acme_analytics.stg_orders'].columns.status.type =
    'varchar';
  return { manifest, catalog };
}

/** The demo as a CI run of a change that deletes the stg_payments → stg_orders test. */
function ciDemo() {
  const { manifest, catalog } = structuredClone(demo);
  delete manifest.nodes[PAYMENTS_TEST];
  return { manifest, catalog };
}

const run = (id, job, hoursAgo, { manifest, catalog }) => ({
  id,
  job_definition_id: job,
  finished_at: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
  artifacts: { 'manifest.json': manifest, 'catalog.json': catalog },
});

new FakeDbtCloudServer({
  port,
  accounts: [
    {
      id: 1,
      token: 'dev-token',
      runs: [
        run(1, 1, 24, earlierDemo()),
        run(2, 1, 1, demo),
        run(3, 2, 0.5, ciDemo()),
      ],
    },
  ],
})
  .start()
  .then(server => {
    console.log(
      `Fake dbt Cloud listening on ${server.url} (account 1, job 1 with runs 1 and 2, CI job 2, token dev-token)`,
    );
  });
