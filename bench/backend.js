/**
 * `yarn bench:backend`: the backend's first build of an ERD through its HTTP
 * API, from a local fake dbt Cloud (download included), beside the engine's
 * own time on the same files; then the cached ERD served to 100 concurrent
 * clients by autocannon running in a separate process.
 * Targets: first build ≤ 1.5 × the engine's time; cached p95 < 50 ms, no errors.
 *   node bench/backend.js [--sizes 1000,5000]
 * Needs the projects and compiled engine of `yarn bench` (bench/out/).
 */
/* eslint-disable no-console */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { compileEngine } = require('./compileEngine');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const AUTOCANNON = require.resolve('autocannon/autocannon.js', {
  paths: [path.join(REPO, 'plugins/dbt-erd-backend')],
});

const sizesArg = process.argv.indexOf('--sizes');
const sizes =
  sizesArg > 0
    ? process.argv[sizesArg + 1].split(',').map(Number)
    : [1000, 5000];

function engineTime(dir, engineEntry, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      [path.join(__dirname, 'measure.js'), 'ours', dir, engineEntry],
      {
        encoding: 'utf8',
      },
    );
    times.push(JSON.parse(out.trim().split('\n').pop()).wallMs);
  }
  return Math.min(...times);
}

async function backendRun(dir) {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'backendServer.js'), dir],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.on('line', line => {
      if (line.startsWith('{"url"')) resolve(JSON.parse(line));
    });
    child.once('exit', code =>
      reject(new Error(`backend exited with ${code}`)),
    );
  });
  const cannon = JSON.parse(
    execFileSync(
      process.execPath,
      [
        AUTOCANNON,
        '-c',
        '100',
        '-d',
        '10',
        '-j',
        '-H',
        'accept-encoding=gzip',
        first.url,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    ),
  );
  child.kill('SIGTERM');
  return { ...first, cannon };
}

async function main() {
  const engineEntry = compileEngine(path.join(OUT, 'engine'));
  const rows = [];
  for (const n of sizes) {
    const dir = path.join(OUT, String(n));
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`${dir} is missing: run yarn bench first`);
    }
    const engineMs = engineTime(dir, engineEntry);
    const run = await backendRun(dir);
    const ratio = run.firstBuildMs / engineMs;
    const { latency, errors, non2xx, requests } = run.cannon;
    rows.push(
      `| ${n} | ${run.tables} / ${run.relationships} | ${(
        engineMs / 1000
      ).toFixed(2)} s | ` +
        `${(run.firstBuildMs / 1000).toFixed(2)} s (${ratio.toFixed(2)}×, ${
          ratio <= 1.5 ? 'met' : 'MISSED'
        }) | ` +
        `${(run.bytes / 1e6).toFixed(1)} MB | ${requests.total} | ${
          latency.p50
        } ms | ${latency.p97_5} ms ` +
        `(${latency.p97_5 < 50 ? 'met' : 'MISSED'}) | ${latency.p99} ms | ${
          errors + non2xx
        } |`,
    );
    console.log(rows[rows.length - 1]);
  }
  const report = [
    '## Backend: first build through the HTTP API, and the cached ERD under load',
    '',
    "Targets: first build (fake dbt Cloud on 127.0.0.1, download included) ≤ 1.5× the engine's time on the",
    'same files; cached ERD to 100 concurrent clients at p95 < 50 ms with zero errors. autocannon runs in its own',
    'process for 10 s and reports p97.5, not p95; p97.5 ≥ p95, so meeting it at p97.5 meets the target.',
    '',
    '| models | tables / relationships | engine | backend first build | ERD JSON | cached requests in 10 s | p50 | p97.5 | p99 | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  fs.writeFileSync(path.join(OUT, 'backend.md'), `${report}\n`);
  console.log(`\n${report}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
