/**
 * `yarn bench:backend`: the backend's data path, each figure beside its target.
 *
 * For each size (`cloudRun.js`: a fake dbt Cloud on 127.0.0.1 serving generated
 * artifacts, and the client, in this process; the backend in its own):
 * - the first build of an ERD through the HTTP API (download included) beside
 *   the engine's own time on the same files (target ≤ 1.3×);
 * - 6 more views (option sets) and 4 exports: their times (a view is derived
 *   from the cached project index, target ≤ 100 ms at 5,000 models) and the
 *   artifact downloads of all 11 requests (target: 2, manifest + catalog);
 * - the cached ERD to 100 concurrent clients for 10 s by autocannon in its
 *   own process (p95 < 50 ms at 1,000 models, < 100 ms at 5,000; 0 errors).
 * Then 20 distinct 5,000-model ERDs requested at once (local projects): all
 * answered, the last no later than the same builds one after another (measured
 * in a backend of its own), peak
 * RSS < 1.5 GB, < 600 MB held afterwards.
 *   node bench/backend.js [--sizes 1000,5000] [--burst 20] [--autocannon-bodies]
 * Needs the projects and compiled engine of `yarn bench` (bench/out/).
 */
/* eslint-disable no-console */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { cloudRun } = require('./cloudRun');
const { compileEngine } = require('./compileEngine');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
// --autocannon-bodies: autocannon as it is, decoding every gzipped body to a
// string (see autocannonCountOnly.js), for comparison with earlier figures.
const AUTOCANNON_NODE_ARGS = process.argv.includes('--autocannon-bodies')
  ? []
  : ['-r', path.join(__dirname, 'autocannonCountOnly.js')];

function arg(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const sizes = arg('--sizes', '1000,5000')
  .split(',')
  .filter(Boolean)
  .map(Number);
const burstCount = Number(arg('--burst', '20'));
// Where the burst's shared cache lives: the backend's default memory store
// (this process then holds every version's compressed index), and Redis on
// 127.0.0.1:6379 as replicas use it.
const burstCaches = arg('--burst-caches', 'memory,redis')
  .split(',')
  .filter(Boolean);
const P95_TARGET_MS = { 1000: 50, 5000: 100 };
const FIRST_BUILD_TARGET = 1.3;
const VIEW_TARGET_MS = 100;

/** The engine's best wall time of `runs`, and the least CPU time among them. */
function engineTime(dir, engineEntry, runs = 3) {
  const runsDone = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      [path.join(__dirname, 'measure.js'), 'ours', dir, engineEntry],
      { encoding: 'utf8' },
    );
    runsDone.push(JSON.parse(out.trim().split('\n').pop()));
  }
  return {
    wallMs: Math.min(...runsDone.map(run => run.wallMs)),
    cpuMs: Math.min(...runsDone.map(run => run.cpuMs)),
  };
}

function serve(args, nodeArgs = [], env = {}) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(__dirname, 'backendServer.js'), ...args],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const result = new Promise((resolve, reject) => {
    lines.on('line', line => {
      if (line.startsWith('{"count"')) {
        resolve(JSON.parse(line));
      }
    });
    child.once('exit', code =>
      reject(new Error(`backend exited with ${code}`)),
    );
  });
  return { child, result };
}

const met = ok => (ok ? 'met' : 'MISSED');
const s = ms => `${(ms / 1000).toFixed(2)} s`;
const msList = values => `${values.map(ms => ms.toFixed(0)).join(', ')} ms`;
const median = values => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const engineEntry = compileEngine(path.join(OUT, 'engine'));
  const buildRows = [];
  const viewRows = [];
  const loadRows = [];
  for (const n of sizes) {
    const dir = path.join(OUT, String(n));
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`${dir} is missing: run yarn bench first`);
    }
    const engine = engineTime(dir, engineEntry);
    const run = await cloudRun(dir, AUTOCANNON_NODE_ARGS);
    const ratio = run.firstBuildMs / engine.wallMs;
    const cpuRatio = run.firstBuildCpuMs / engine.cpuMs;
    buildRows.push(
      `| ${n} | ${run.tables} / ${run.relationships} | ${s(
        engine.wallMs,
      )} | ${s(run.firstBuildMs)} (${ratio.toFixed(2)}×, ${met(
        ratio <= FIRST_BUILD_TARGET,
      )}) | ${s(engine.cpuMs)} vs ${s(run.firstBuildCpuMs)} (${cpuRatio.toFixed(
        2,
      )}×) | ${s(run.nextFirstBuildMs)} (${(
        run.nextFirstBuildMs / engine.wallMs
      ).toFixed(2)}×) | ${(run.bytes / 1e6).toFixed(
        1,
      )} MB | ${run.rssMb.toFixed(0)} MB |`,
    );
    const viewMedian = median(run.viewMs);
    const nextViewMedian = median(run.nextViewMs);
    viewRows.push(
      `| ${n} | first version, fresh backend | ${msList(run.viewMs)} | ${msList(
        run.viewCpuMs,
      )} | ${viewMedian.toFixed(0)} ms${
        n >= 5000 ? ` (${met(viewMedian <= VIEW_TARGET_MS)})` : ''
      } | ${msList(run.exportMs)} | ${run.downloads} (${met(
        run.downloads === 2,
      )}) |`,
      `| ${n} | next version (first build ${s(
        run.nextFirstBuildMs,
      )}) | ${msList(run.nextViewMs)} | ${msList(
        run.nextViewCpuMs,
      )} | ${nextViewMedian.toFixed(0)} ms${
        n >= 5000 ? ` (${met(nextViewMedian <= VIEW_TARGET_MS)})` : ''
      } | — | — |`,
    );
    const { latency, errors, non2xx, requests } = run.cannon;
    const target = P95_TARGET_MS[n];
    loadRows.push(
      `| ${n} | ${requests.total} | ${latency.p50} ms | ${latency.p90} ms | ${
        latency.p95
      } ms${target ? ` (< ${target}: ${met(latency.p95 < target)})` : ''} | ${
        latency.p97_5
      } ms | ${latency.p99} ms | ${errors + non2xx} |`,
    );
    console.log(
      [buildRows.at(-1), ...viewRows.slice(-2), loadRows.at(-1)].join('\n'),
    );
  }

  const burstDir = path.join(OUT, '5000');
  const burstRows = [];
  for (const cache of burstCaches) {
    const measured = async (mode, nodeArgs = []) => {
      const { result } = serve([mode, burstDir, String(burstCount)], nodeArgs, {
        BENCH_CACHE: cache,
      });
      return result.catch(error => {
        console.error(`${mode} with the ${cache} cache: ${error.message}`);
        return undefined;
      });
    };
    const inTurn = await measured('sequential');
    const burst = await measured('burst', ['--expose-gc']);
    if (!burst || !inTurn) continue;
    burst.sequentialMs = inTurn.lastMs;
    const ok = burst.statuses.filter(status => status === 200).length;
    const mb = value => `${value.toFixed(0)} MB`;
    burstRows.push(
      `| ${cache} | ${burst.count} | ${ok} of ${burst.count} (${met(
        ok === burst.count,
      )}) | ${s(burst.soloMs)} | ${s(burst.lastMs)} vs ${s(
        burst.sequentialMs,
      )} (${met(burst.lastMs <= burst.sequentialMs)}) | ` +
        `${mb(burst.peakRssMb)} (${met(burst.peakRssMb < 1536)}) | ${mb(
          burst.heldRssMb,
        )} (${met(burst.heldRssMb < 600)}) | ${mb(burst.heldLaterRssMb)} (${met(
          burst.heldLaterRssMb < 600,
        )}) | ${mb(burst.startRssMb)} / ${mb(burst.heldHeapMb)} / ${mb(
          burst.heldHeapTotalMb,
        )} |`,
    );
    console.log(burstRows.at(-1));
  }

  const report = [
    '## Backend: one data path (first build, derived views, downloads, cached ERD under load, a burst of builds)',
    '',
    "First build through the HTTP API (fake dbt Cloud on 127.0.0.1, download included; it indexes everything any view needs, compiled SQL too) beside the engine's",
    `\`buildErdFromBytes\` on the same files (default options). Target ≤ ${FIRST_BUILD_TARGET}×.`,
    '',
    'CPU time (engine vs backend first build, every thread) is given beside: a loaded machine inflates it far less than wall time.',
    '',
    "The next version's first build (run 2 of job 2, the same files) is in the backend once it has served the first: its code compiled by the JIT,",
    "and transpiled (the bench's backend runs the plugin's TypeScript through Backstage's on-the-fly transform; an app's built backend does not).",
    '',
    "| models | tables / relationships | engine | backend first build | CPU: engine vs backend | next version's first build | tab body (JSON) | backend peak RSS |",
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...buildRows,
    '',
    'Then, in order, 6 new views (`algo=model_contract`, two resource types, `entityNameFormat`, `entityGroup`, `exclude`, `algo=semantic`:',
    'each derived from the cached project index and sent, gzipped) and 4 exports (dbml, mermaid, json with compiled SQL, d2); and the artifact',
    `downloads all 11 requests cost (target 2: manifest + catalog). Derived view target ≤ ${VIEW_TARGET_MS} ms at 5,000 models.`,
    '',
    "The backend's CPU time for each view (every thread, from /proc, in 10 ms ticks) is given beside its wall time. Then the same",
    "views of the next version (run 2 of job 2, the same files), once the backend has served the first: a running replica's views.",
    '',
    '| models | version | views | CPU of each view | median view | exports | artifact downloads |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...viewRows,
    '',
    `The cached ERD to 100 concurrent clients for 10 s (autocannon in its own process, gzip accepted${
      AUTOCANNON_NODE_ARGS.length
        ? ', bodies counted, not decoded as text: bench/autocannonCountOnly.js'
        : ', every body decoded as text by autocannon'
    }). p95 is taken from every response's time (autocannon reports p90 and p97.5).`,
    '',
    '| models | requests in 10 s | p50 | p90 | p95 | p97.5 | p99 | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...loadRows,
    '',
    `${burstCount} distinct 5,000-model ERDs requested at once (local projects on one folder under distinct names: distinct artifact versions),`,
    'after one built alone; "sequential" is the same builds in another backend, each asked once the one before answered (first ask to last answer).',
    'RSS held: 2.5 s and 30 s after the last answer, each after a forced GC (V8 and the allocator give freed memory back lazily, when idle);',
    "beside it the backend's RSS before the burst, and V8's heap used and committed (heapTotal) at 2.5 s. Once with the",
    "backend's default memory store as the shared cache (it then holds each version's compressed index in the process), once with Redis.",
    'Targets: all answered, last no later than sequential, peak RSS < 1.5 GB, < 600 MB held.',
    '',
    '| shared cache | ERDs | answered 200 | one alone | last answer vs sequential | peak RSS | RSS held after 2.5 s | after 30 s | RSS before / heap used / heap committed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...burstRows,
  ].join('\n');
  fs.writeFileSync(path.join(OUT, 'backend.md'), `${report}\n`);
  console.log(`\n${report}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
