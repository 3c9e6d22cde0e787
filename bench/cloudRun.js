/**
 * The dbt Cloud part of `backend.js`, from outside the backend: this process
 * plays dbt Cloud (FakeDbtCloudServer serving the folder's artifacts as run 1
 * of job 1) and the client, the backend runs alone in its own process
 * (`backendServer.js cloud`). In production dbt Cloud and the browser are
 * other machines: with them in the backend's process, sending 130 MB of
 * artifacts and inflating and decoding each answer ran on the backend's event
 * loop and was counted as the backend's time.
 *
 * Measures the first build of the ERD through the HTTP API (download
 * included; the backend's CPU time from /proc), then 6 other views and 4
 * exports in order, the artifact downloads all 11 cost; then the first build
 * and the same 6 views of another version (run 2, the same files) in the
 * backend now running; and the cached ERD to 100 concurrent clients
 * (`autocannonRun.js`, a process of its own).
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { execFile, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const readline = require('node:readline');
const { promisify } = require('node:util');
const { gunzipSync } = require('node:zlib');
const { FakeDbtCloudServer } = require('../plugins/dbt-erd-node/src/testing');

const TOKEN = 'dbtc_bench-token';
const VIEWS = [
  '?algo=model_contract',
  '?resourceTypes=model&resourceTypes=source',
  '?entityNameFormat=schema.table',
  '?entityGroup=schema',
  '?exclude=schema:staging',
  '?algo=semantic',
];
const EXPORTS = ['dbml', 'mermaid', 'json', 'd2'];
/** Linux's clock ticks per second, the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS_PER_S = 100;

/** User + system CPU time of a process, in ms (every thread). */
function cpuMsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** Peak resident memory of a process so far, in MB. */
function peakRssMbOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/**
 * GETs `url` as a browser would: gzip accepted, the body received whole and
 * inflated once. Not `fetch`: its WHATWG body stream inflated a 2 MB view in
 * 30–60 ms of this process's time on top of the backend's answer, where a
 * browser's network stack takes a few.
 */
function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, response => {
        const chunks = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const body =
            response.headers['content-encoding'] === 'gzip'
              ? gunzipSync(bytes)
              : bytes;
          resolve({ status: response.statusCode, text: body.toString('utf8') });
        });
      })
      .on('error', reject);
  });
}

async function timed(url) {
  const started = process.hrtime.bigint();
  const { status, text } = await get(url);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (status < 200 || status >= 300) {
    throw new Error(`${url}: ${status} ${text.slice(0, 500)}`);
  }
  return { ms, text };
}

function startBackend(accessUrl) {
  const child = spawn(
    process.execPath,
    [
      // e.g. BENCH_BACKEND_NODE_ARGS=--cpu-prof to profile the backend.
      ...(process.env.BENCH_BACKEND_NODE_ARGS?.split(' ').filter(Boolean) ??
        []),
      path.join(__dirname, 'backendServer.js'),
      'cloud',
      accessUrl,
    ],
    {
      cwd: path.resolve(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', line => {
      if (line.startsWith('{"url"')) resolve(JSON.parse(line));
    });
    child.once('exit', code =>
      reject(new Error(`backend exited with ${code}`)),
    );
  });
  return { child, url };
}

/** Everything `backend.js` reports for one generated project folder. */
async function cloudRun(dir, autocannonNodeArgs) {
  const artifacts = {
    'manifest.json': fs.readFileSync(path.join(dir, 'manifest.json')),
    'catalog.json': fs.readFileSync(path.join(dir, 'catalog.json')),
  };
  const fake = await new FakeDbtCloudServer({
    accounts: [
      {
        id: 1,
        token: TOKEN,
        // Run 2 (job 2): the same files as another version, for the views of
        // a version the running backend has not seen.
        runs: [1, 2].map(id => ({ id, job_definition_id: id, artifacts })),
      },
    ],
  }).start();
  const backend = startBackend(fake.url);
  try {
    const { url, nextUrl } = await backend.url;
    const pid = backend.child.pid;
    const cpuBefore = cpuMsOf(pid);
    const first = await timed(url);
    const firstBuildCpuMs = cpuMsOf(pid) - cpuBefore;
    const body = JSON.parse(first.text);
    const views = async erdUrl => {
      // BENCH_VIEW_DELAY_MS: a person picks a filter some seconds after the
      // tab opened; by default the views are asked at once (the worst case).
      await new Promise(resolve =>
        setTimeout(resolve, Number(process.env.BENCH_VIEW_DELAY_MS ?? 0)),
      );
      const ms = [];
      const cpuMs = [];
      for (const view of VIEWS) {
        const cpuBeforeView = cpuMsOf(pid);
        ms.push((await timed(`${erdUrl}${view}`)).ms);
        cpuMs.push(cpuMsOf(pid) - cpuBeforeView);
      }
      return { ms, cpuMs };
    };
    const firstViews = await views(url);
    const exportMs = [];
    for (const format of EXPORTS) {
      exportMs.push((await timed(`${url}?format=${format}`)).ms);
    }
    const downloads = fake.requestCount(
      /\/artifacts\/(manifest|catalog)\.json$/,
    );
    const rssMb = peakRssMbOf(pid);
    // A version this backend has not seen, once it has served one: the
    // views of a running replica, its code compiled by the JIT.
    const nextFirstBuildMs = (await timed(nextUrl)).ms;
    const nextViews = await views(nextUrl);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...autocannonNodeArgs, path.join(__dirname, 'autocannonRun.js'), url],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    return {
      firstBuildMs: first.ms,
      firstBuildCpuMs,
      viewMs: firstViews.ms,
      viewCpuMs: firstViews.cpuMs,
      nextFirstBuildMs,
      nextViewMs: nextViews.ms,
      nextViewCpuMs: nextViews.cpuMs,
      exportMs,
      downloads,
      // The tab's compact payload (encodeTabView): tables and edges as tuples.
      tables: (body.tables ?? body.nodes).length,
      relationships: body.edges.length,
      bytes: first.text.length,
      rssMb,
      cannon: JSON.parse(stdout),
    };
  } finally {
    backend.child.kill('SIGTERM');
    await fake.stop();
  }
}

module.exports = { cloudRun };
