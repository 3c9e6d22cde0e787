/**
 * One backend measurement in its own process, printing one JSON line:
 *
 *   node bench/backendServer.js cloud <artifactsDir>
 *     A fake dbt Cloud on 127.0.0.1 serving the artifacts of the folder as
 *     run 1 (job 1), the dbt-erd backend plugin started with
 *     startTestBackend; the first build of the ERD through the HTTP API
 *     (download included), then 6 other views and 4 exports (each view's
 *     time: derived from the cached project index), and the artifact
 *     downloads all that cost. Then keeps serving so the parent can
 *     load-test the cached ERD; exits on SIGTERM.
 *
 *   node --expose-gc bench/backendServer.js burst <artifactsDir> <count>
 *     <count> local projects on the same folder (distinct names, so
 *     distinct artifact versions): one built alone first (the sequential
 *     estimate is count × its time), then all <count> requested at once;
 *     each answer's status and time, peak RSS, and RSS held afterwards.
 */
/* eslint-disable no-console */
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('node:fs');
const http = require('node:http');
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

const [mode, dir, countArg] = process.argv.slice(2);
const TOKEN = 'dbtc_bench-token';

const component = (name, annotations) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});

/**
 * BENCH_CACHE=redis: the shared cache in Redis on 127.0.0.1:6379, as
 * replicas use it, instead of the backend's default memory store (which
 * then holds every version's compressed index in this process).
 */
const backendConfig =
  process.env.BENCH_CACHE === 'redis'
    ? {
        cache: {
          store: 'redis',
          connection: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
        },
      }
    : undefined;

async function startBackend(dbtErd, entities) {
  const { server } = await startTestBackend({
    features: [
      dbtErdPlugin,
      mockServices.rootConfig.factory({
        data: { dbtErd, ...(backendConfig && { backend: backendConfig }) },
      }),
      catalogServiceMock.factory({ entities }),
    ],
  });
  return `http://127.0.0.1:${
    server.address().port
  }/api/dbt-erd/entities/default/component`;
}

async function timed(url) {
  const started = process.hrtime.bigint();
  const response = await fetch(url);
  const text = await response.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!response.ok) {
    throw new Error(`${url}: ${response.status} ${text.slice(0, 500)}`);
  }
  return { ms, text };
}

const VIEWS = [
  '?algo=model_contract',
  '?resourceTypes=model&resourceTypes=source',
  '?entityNameFormat=schema.table',
  '?entityGroup=schema',
  '?exclude=schema:staging',
  '?algo=semantic',
];
const EXPORTS = ['dbml', 'mermaid', 'json', 'd2'];

async function cloud() {
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
  const base = await startBackend(
    {
      cloud: {
        maxArtifactBytes: 2 * 1024 ** 3,
        accounts: [
          { name: 'main', accountId: 1, accessUrl: fake.url, token: TOKEN },
        ],
      },
    },
    [component('bench', { 'getdbt.com/cloud-job-id': '1' })],
  );
  const url = `${base}/bench/erd`;
  // CPU time too (every thread of the process: zlib's included), which a
  // loaded machine inflates far less than wall time.
  const cpuBefore = process.cpuUsage();
  const first = await timed(url);
  const firstCpu = process.cpuUsage(cpuBefore);
  const body = JSON.parse(first.text);
  const viewMs = [];
  for (const view of VIEWS) viewMs.push((await timed(`${url}${view}`)).ms);
  const exportMs = [];
  for (const format of EXPORTS) {
    exportMs.push((await timed(`${url}?format=${format}`)).ms);
  }
  console.log(
    JSON.stringify({
      url,
      firstBuildMs: first.ms,
      firstBuildCpuMs: (firstCpu.user + firstCpu.system) / 1000,
      viewMs,
      exportMs,
      downloads: fake.requestCount(/\/artifacts\/(manifest|catalog)\.json$/),
      // The tab's compact payload (encodeTabErd): tables and edges as tuples.
      tables: (body.tables ?? body.nodes).length,
      relationships: body.edges.length,
      bytes: first.text.length,
      rssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.on('SIGTERM', async () => {
    await fake.stop();
    process.exit(0);
  });
}

async function burst() {
  const count = Number(countArg ?? 20);
  // Names unique to this run: a shared cache (Redis) may still hold the
  // indexes of an earlier run's projects, keyed by name and file stamp.
  const run = Date.now().toString(36);
  const names = Array.from({ length: count }, (_, i) => `p${i}-${run}`);
  const base = await startBackend(
    {
      localProjects: [...names, `solo-${run}`].map(name => ({
        name,
        path: dir,
      })),
      // BENCH_INDEX_BYTES: another dbtErd.cache.indexBytes, to see what it holds.
      ...(process.env.BENCH_INDEX_BYTES
        ? { cache: { indexBytes: Number(process.env.BENCH_INDEX_BYTES) } }
        : {}),
    },
    [...names, `solo-${run}`].map(name =>
      component(name, { 'getdbt.com/artifacts-location': `local:${name}` }),
    ),
  );
  const rss = () => process.memoryUsage().rss / 1024 / 1024;
  const startRssMb = rss();
  const solo = await timed(`${base}/solo-${run}/erd`);
  const started = process.hrtime.bigint();
  // node:http, not fetch: undici's 300 s header time-out would cut off the
  // last answers on a loaded machine, and that is not what is measured.
  const answers = await Promise.all(
    names.map(
      name =>
        new Promise(resolve => {
          http
            .get(
              `${base}/${name}/erd`,
              { headers: { 'accept-encoding': 'gzip' } },
              res => {
                res.resume();
                res.on('end', () =>
                  resolve({
                    status: res.statusCode,
                    ms: Number(process.hrtime.bigint() - started) / 1e6,
                  }),
                );
              },
            )
            .on('error', error =>
              resolve({
                status: String(error.code ?? error.message),
                ms: Number(process.hrtime.bigint() - started) / 1e6,
              }),
            );
        }),
    ),
  );
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await new Promise(r =>
    setTimeout(r, Number(process.env.BENCH_HELD_AFTER_MS ?? 2000)),
  );
  global.gc?.();
  await new Promise(r => setTimeout(r, 500));
  global.gc?.();
  console.log(
    JSON.stringify({
      count,
      soloMs: solo.ms,
      sequentialMs: solo.ms * count,
      lastMs: Math.max(...answers.map(a => a.ms)),
      statuses: answers.map(a => a.status),
      startRssMb,
      peakRssMb,
      heldRssMb: rss(),
      // What holds it: V8's heap, Buffers (gzipped copies, cache entries).
      heldHeapMb: process.memoryUsage().heapUsed / 1024 / 1024,
      heldExternalMb: process.memoryUsage().external / 1024 / 1024,
      heldHeapTotalMb: process.memoryUsage().heapTotal / 1024 / 1024,
      spaces: Object.fromEntries(
        require('node:v8')
          .getHeapSpaceStatistics()
          .map(s => [
            s.space_name,
            [s.space_size, s.space_used_size].map(b => Math.round(b / 2 ** 20)),
          ]),
      ),
    }),
  );
  process.exit(0);
}

(mode === 'burst' ? burst() : cloud()).catch(error => {
  console.error(error);
  process.exit(1);
});
