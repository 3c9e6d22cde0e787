/**
 * One backend in its own process, printing one JSON line:
 *
 *   node bench/backendServer.js cloud <accessUrl>
 *     The dbt-erd backend plugin (startTestBackend) with one dbt Cloud
 *     account at <accessUrl> and two job-annotated entities (jobs 1 and 2);
 *     prints their ERD URLs and serves until SIGTERM. `cloudRun.js` plays dbt
 *     Cloud and times the requests from another process, as a browser and
 *     dbt Cloud would be.
 *
 *   node --expose-gc bench/backendServer.js burst <artifactsDir> <count>
 *     <count> local projects on the same folder (distinct names, so
 *     distinct artifact versions): one built alone first, then all <count>
 *     requested at once; each answer's status and time, peak RSS, and RSS
 *     held afterwards.
 *
 *   node bench/backendServer.js sequential <artifactsDir> <count>
 *     The same <count> builds, each requested once the one before answered:
 *     the time the burst's last answer is measured against.
 */
/* eslint-disable no-console */
require('@backstage/cli/config/nodeTransform.cjs');
const http = require('node:http');
const path = require('node:path');
const {
  mockServices,
  startTestBackend,
} = require('@backstage/backend-test-utils');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');
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

/**
 * `cloud <accessUrl>`: the plugin with one dbt Cloud account at `accessUrl`
 * (the fake dbt Cloud of `cloudRun.js`, in another process) and one
 * job-annotated entity; prints the entity's ERD URL and serves until SIGTERM.
 */
async function cloud() {
  const accessUrl = dir;
  const base = await startBackend(
    {
      cloud: {
        maxArtifactBytes: 2 * 1024 ** 3,
        accounts: [{ name: 'main', accountId: 1, accessUrl, token: TOKEN }],
      },
    },
    [
      component('bench', { 'getdbt.com/cloud-job-id': '1' }),
      component('bench-next', { 'getdbt.com/cloud-job-id': '2' }),
    ],
  );
  console.log(
    JSON.stringify({
      url: `${base}/bench/erd`,
      nextUrl: `${base}/bench-next/erd`,
    }),
  );
  process.on('SIGTERM', () => process.exit(0));
}

/**
 * One answer by node:http, its body read and dropped as a browser's would be
 * (gzip accepted, not decoded here): its status and its time since `started`.
 * Not fetch: undici's 300 s header time-out would cut off the last answers of
 * a burst on a loaded machine, and that is not what is measured.
 */
function answer(url, started = process.hrtime.bigint()) {
  const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise(resolve => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, res => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: ms() }));
      })
      .on('error', error =>
        resolve({ status: String(error.code ?? error.message), ms: ms() }),
      );
  });
}

/**
 * A backend with `count` local projects on the one folder, under names unique
 * to this run (distinct artifact versions: a shared cache in Redis may still
 * hold an earlier run's indexes, keyed by name and file stamp), and one more
 * to build alone first.
 */
async function localProjectsBackend(count) {
  const run = Date.now().toString(36);
  const names = Array.from({ length: count }, (_, i) => `p${i}-${run}`);
  const all = [...names, `solo-${run}`];
  const base = await startBackend(
    {
      localProjects: all.map(name => ({ name, path: dir })),
      // BENCH_INDEX_BYTES: another dbtErd.cache.indexBytes, to see what it holds.
      ...(process.env.BENCH_INDEX_BYTES
        ? { cache: { indexBytes: Number(process.env.BENCH_INDEX_BYTES) } }
        : {}),
    },
    all.map(name =>
      component(name, { 'getdbt.com/artifacts-location': `local:${name}` }),
    ),
  );
  return {
    urls: names.map(name => `${base}/${name}/erd`),
    soloUrl: `${base}/solo-${run}/erd`,
  };
}

/** `sequential`: the same builds as the burst, each asked once the one before answered. */
async function sequential() {
  const count = Number(countArg ?? 20);
  const { urls, soloUrl } = await localProjectsBackend(count);
  const solo = await answer(soloUrl);
  const started = process.hrtime.bigint();
  const answers = [];
  for (const url of urls) answers.push(await answer(url, started));
  console.log(
    JSON.stringify({
      count,
      soloMs: solo.ms,
      lastMs: answers.at(-1).ms,
      statuses: answers.map(a => a.status),
    }),
  );
  process.exit(0);
}

async function burst() {
  const count = Number(countArg ?? 20);
  const { urls, soloUrl } = await localProjectsBackend(count);
  const rss = () => process.memoryUsage().rss / 1024 / 1024;
  const startRssMb = rss();
  const solo = await answer(soloUrl);
  const started = process.hrtime.bigint();
  const answers = await Promise.all(urls.map(url => answer(url, started)));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const idle = ms => new Promise(r => setTimeout(r, ms));
  const heldAfter = async ms => {
    await idle(ms - 500);
    global.gc?.();
    await idle(500);
    global.gc?.();
    return rss();
  };
  // Held soon after, and once V8 and the allocator have had time to give
  // freed memory back (they do it lazily, when the process is idle).
  const heldRssMb = await heldAfter(
    Number(process.env.BENCH_HELD_AFTER_MS ?? 2500),
  );
  const memory = process.memoryUsage();
  const heldLaterRssMb = await heldAfter(
    Number(process.env.BENCH_HELD_LATER_MS ?? 30000) -
      Number(process.env.BENCH_HELD_AFTER_MS ?? 2500),
  );
  console.log(
    JSON.stringify({
      count,
      soloMs: solo.ms,
      lastMs: Math.max(...answers.map(a => a.ms)),
      statuses: answers.map(a => a.status),
      startRssMb,
      peakRssMb,
      heldRssMb,
      heldLaterRssMb,
      // What holds it: V8's heap, Buffers (gzipped copies, cache entries).
      heldHeapMb: memory.heapUsed / 1024 / 1024,
      heldExternalMb: memory.external / 1024 / 1024,
      heldHeapTotalMb: memory.heapTotal / 1024 / 1024,
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

(({ burst, sequential, cloud })[mode] ?? cloud)().catch(error => {
  console.error(error);
  process.exit(1);
});
