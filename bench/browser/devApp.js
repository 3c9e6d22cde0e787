/**
 * The browser bench's inputs: generated dbt projects under
 * bench/out/browser/<N>, and an app serving them
 * (app-config.yaml + app-config.bench.yaml, see bench/entities.yaml): the dev
 * app (`yarn start`, a development build), or with `production` the app's
 * production build served by the backend alone, as users run the plugin.
 */
/* eslint-disable no-console */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const OUT = path.join(REPO, 'bench/out/browser');
const GENERATOR = path.join(
  REPO,
  'packages/dbt-artifacts-generator/bin/generate-dbt-artifacts',
);
// Other ports (BENCH_APP_PORT, BENCH_BACKEND_PORT) let the bench run beside
// a dev app someone else uses on 3000/7007; that one is then left alone.
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3000);
const BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT ?? 7007);
const DEFAULT_PORTS = APP_PORT === 3000 && BACKEND_PORT === 7007;
const APP = `http://localhost:${APP_PORT}`;
const BACKEND = `http://localhost:${BACKEND_PORT}`;
const BENCH_CONFIG = 'app-config.bench.yaml';

/**
 * The app the bench measures: `url` to open, `build` (`development` or
 * `production`, see report.js), `buildSeconds` when the app was built by this
 * run, and `stop()`. `production`: the app's production build, served by the
 * backend alone at its own URL; `build: false` reuses packages/app/dist as it is.
 */
async function ensureApp({
  production = false,
  build = true,
  extraConfigs = [],
} = {}) {
  if (!production) {
    return {
      url: APP,
      build: 'development',
      ...(await ensureDevApp(extraConfigs)),
    };
  }
  const built = ensureAppBuild(build);
  return {
    url: BACKEND,
    build: 'production',
    buildSeconds: built.seconds,
    ...(await ensureServedApp(extraConfigs, { rebuilt: !built.reused })),
  };
}

/**
 * A config overlay putting the backend on the bench's port, with the app
 * (and so CORS) at `appUrl`: the dev server's URL, or the backend's own when
 * it serves the built app. Written to bench/out/`fileName`.
 */
function writePortsConfig(fileName, appUrl) {
  const file = path.join(OUT, fileName);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    file,
    [
      '# Written by bench/browser/devApp.js.',
      `app: { baseUrl: '${appUrl}' }`,
      'backend:',
      `  baseUrl: '${BACKEND}'`,
      `  listen: { port: ${BACKEND_PORT} }`,
      `  cors: { origin: '${appUrl}', methods: [GET, HEAD, PATCH, POST, PUT, DELETE], credentials: true }`,
      '',
    ].join('\n'),
  );
  return file;
}

/** Generates the N-model project once; later runs reuse it (bench/out is git-ignored). */
function ensureProject(models) {
  const dir = path.join(OUT, String(models));
  if (
    !['manifest.json', 'catalog.json'].every(f =>
      fs.existsSync(path.join(dir, f)),
    )
  ) {
    console.log(
      `generating ${models} models into ${path.relative(REPO, dir)} ...`,
    );
    execFileSync(
      process.execPath,
      [GENERATOR, 'scale', '--models', String(models), '--out', dir],
      {
        stdio: 'inherit',
        cwd: REPO,
      },
    );
  }
  return dir;
}

async function isUp(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function psArgs() {
  return execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map(line => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter(Boolean)
    .map(([, pid, pgid, args]) => ({
      pid: Number(pid),
      pgid: Number(pgid),
      args,
    }));
}

/** Dev apps (`yarn start` / `backstage-cli repo start`) of this repo, by process group. */
function runningDevApps(configs) {
  const groups = new Map();
  for (const p of psArgs()) {
    if (p.pid === process.pid) continue;
    if (/yarn[^ ]*\.cjs start|backstage-cli repo start/.test(p.args)) {
      const group = groups.get(p.pgid) ?? { pgid: p.pgid, args: [] };
      group.args.push(p.args);
      groups.set(p.pgid, group);
    }
  }
  return [...groups.values()].map(g => ({
    ...g,
    bench: configs.every(c => g.args.some(a => a.includes(c))),
  }));
}

async function waitUntil(check, timeoutMs, what, log) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `${what} not ready within ${timeoutMs / 1000} s${
          log ? `; log: ${log}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 2000));
  }
}

/** CPU seconds used so far by the live processes of process group `pgid` (from /proc). */
function groupCpuSeconds(pgid) {
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // After the command name in parentheses: state, ppid, pgrp, ... utime (14), stime (15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid)
      ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

/**
 * Waits (at most 2 minutes) until a freshly started app has used under 10 % of
 * a core for 3 s in a row: at start-up the search collator indexes every
 * bench project (seconds of CPU at 10,000 tables) and the catalog reads its
 * entities, which would otherwise compete with the first measurement.
 */
async function waitUntilQuiet(pgid) {
  const began = Date.now();
  let quietFor = 0;
  let last = groupCpuSeconds(pgid);
  while (quietFor < 3 && Date.now() - began < 120_000) {
    await new Promise(r => setTimeout(r, 1000));
    const now = groupCpuSeconds(pgid);
    quietFor = now - last < 0.1 ? quietFor + 1 : 0;
    last = now;
  }
  console.log(
    quietFor >= 3
      ? `the app is quiet after ${Math.round((Date.now() - began) / 1000)} s`
      : 'the app is still busy after 120 s; measuring anyway',
  );
}

/**
 * Runs `yarn <args>` in its own process group (its id is `pgid`), so that
 * `stop()` stops it and every child, and nothing else.
 */
function startInOwnGroup(args, out) {
  const child = spawn('yarn', args, {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', out, out],
  });
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await new Promise(r => setTimeout(r, 1500));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // stopped
    }
  };
  return { pgid: child.pid, stop };
}

/**
 * Starts `yarn <yarnArgs>` with app-config.yaml and `overlays` in its own
 * process group, logging to `OUT/<logName>`, and waits until the plugin and
 * `upUrl` answer and the group is quiet; returns `stop()`.
 */
async function startAndWait({ what, logName, yarnArgs, overlays, upUrl }) {
  const log = path.join(OUT, logName);
  fs.mkdirSync(OUT, { recursive: true });
  const out = fs.openSync(log, 'w');
  console.log(`starting ${what} (log: ${path.relative(REPO, log)}) ...`);
  // Absolute paths: `repo start` runs each package in its own folder.
  const configs = [path.join(REPO, 'app-config.yaml'), ...overlays].flatMap(
    f => ['--config', f],
  );
  const { pgid, stop } = startInOwnGroup([...yarnArgs, ...configs], out);
  try {
    await waitUntil(
      async () =>
        (await isUp(`${BACKEND}/api/dbt-erd/health`)) && (await isUp(upUrl)),
      300_000,
      what,
      log,
    );
    await waitUntilQuiet(pgid);
  } catch (e) {
    await stop();
    throw e;
  }
  return { stop };
}

/**
 * Reuses a dev app started with the bench config, or starts one in its own
 * process group. A dev app started without the bench config holds the ports
 * but cannot serve the bench projects: it is stopped (its group only).
 * Returns `stop()`, which stops only what this call started. `extraConfigs`
 * (absolute paths) are overlaid after the bench config.
 */
async function ensureDevApp(extraConfigs = []) {
  const overlays = [
    path.join(REPO, BENCH_CONFIG),
    ...extraConfigs,
    ...(DEFAULT_PORTS ? [] : [writePortsConfig('app-config.ports.yaml', APP)]),
  ];
  const apps = runningDevApps(overlays);
  if (
    apps.some(a => a.bench) &&
    (await isUp(`${BACKEND}/api/dbt-erd/health`))
  ) {
    console.log('reusing the dev app started with app-config.bench.yaml');
    await waitUntil(() => isUp(APP), 300_000, 'the frontend');
    return { stop: async () => {} };
  }
  for (const other of DEFAULT_PORTS ? apps.filter(a => !a.bench) : []) {
    console.log(
      `stopping a dev app without the bench config (process group ${other.pgid})`,
    );
    try {
      process.kill(-other.pgid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await waitUntil(
    async () =>
      !(await isUp(`${BACKEND}/api/dbt-erd/health`)) && !(await isUp(APP)),
    60_000,
    `ports ${APP_PORT}/${BACKEND_PORT} free`,
  );

  return startAndWait({
    what: `the dev app with ${BENCH_CONFIG}`,
    logName: 'dev-app.log',
    yarnArgs: ['start'],
    overlays,
    upUrl: APP,
  });
}

const APP_DIST = path.join(REPO, 'packages/app/dist');
// What `yarn workspace app build` bundles from this repository's sources.
const BUNDLED_SOURCES = [
  'packages/app/src',
  'plugins/dbt-erd/src',
  'plugins/dbt-erd-common/src',
];
// Written by every build and never rewritten by the backend (it fills in a
// copy in memory), so its time is the build's.
const BUILD_MARK = path.join(APP_DIST, 'index.html.tmpl');

function newestMtimeMs(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const { mtimeMs } = fs.statSync(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, mtimeMs);
  }
  return newest;
}

/**
 * Builds the app (`yarn workspace app build`) unless packages/app/dist is
 * newer than every bundled source file, or `build` is false.
 */
function ensureAppBuild(build) {
  const builtAt = fs.existsSync(BUILD_MARK)
    ? fs.statSync(BUILD_MARK).mtimeMs
    : 0;
  if (!build) {
    if (!builtAt) {
      throw new Error(
        '--no-build: packages/app/dist holds no build; run without --no-build once',
      );
    }
    console.log('reusing packages/app/dist as it is (--no-build)');
    return { reused: true };
  }
  const newest = Math.max(
    ...BUNDLED_SOURCES.map(d => newestMtimeMs(path.join(REPO, d))),
  );
  if (builtAt > newest) {
    console.log(
      `reusing packages/app/dist: newer than every file under ${BUNDLED_SOURCES.join(
        ', ',
      )}`,
    );
    return { reused: true };
  }
  const log = path.join(OUT, 'app-build.log');
  fs.mkdirSync(OUT, { recursive: true });
  console.log(
    `building the app (yarn workspace app build, log: ${path.relative(
      REPO,
      log,
    )}) ...`,
  );
  const began = Date.now();
  const out = fs.openSync(log, 'w');
  try {
    execFileSync('yarn', ['workspace', 'app', 'build'], {
      cwd: REPO,
      stdio: ['ignore', out, out],
    });
  } catch {
    throw new Error(`the app build failed; log: ${log}`);
  } finally {
    fs.closeSync(out);
  }
  const seconds = Math.round((Date.now() - began) / 100) / 10;
  console.log(`built the app in ${seconds} s`);
  return { seconds };
}

/** Backends started by `backstage-cli package start` with every one of `configs`, by process group. */
function runningServedApps(configs) {
  const groups = new Set();
  for (const p of psArgs()) {
    if (
      p.pid !== process.pid &&
      /backstage-cli package start/.test(p.args) &&
      configs.every(c => p.args.includes(c))
    ) {
      groups.add(p.pgid);
    }
  }
  return [...groups];
}

/**
 * Starts the backend alone (`yarn workspace backend start`), whose
 * @backstage/plugin-app-backend serves packages/app/dist, in its own process
 * group; or reuses one this bench started with the same configs, unless the
 * app was just rebuilt (the backend read the old build's index at start-up).
 * Returns `stop()`, which stops only what this call started.
 */
async function ensureServedApp(extraConfigs, { rebuilt }) {
  const overlays = [
    path.join(REPO, BENCH_CONFIG),
    ...extraConfigs,
    writePortsConfig('app-config.served.yaml', BACKEND),
  ];
  const running = runningServedApps(overlays);
  if (
    running.length &&
    !rebuilt &&
    (await isUp(`${BACKEND}/api/dbt-erd/health`)) &&
    (await isUp(BACKEND))
  ) {
    console.log('reusing the backend serving the built app');
    return { stop: async () => {} };
  }
  for (const pgid of running) {
    console.log(
      `stopping the backend serving the previous build (process group ${pgid})`,
    );
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await waitUntil(
    async () => !(await isUp(`${BACKEND}/api/dbt-erd/health`)),
    60_000,
    `port ${BACKEND_PORT} free`,
  );

  return startAndWait({
    what: `the backend serving the built app on ${BACKEND}`,
    logName: 'served-app.log',
    yarnArgs: ['workspace', 'backend', 'start'],
    overlays,
    upUrl: BACKEND,
  });
}

module.exports = { APP, REPO, OUT, ensureProject, ensureDevApp, ensureApp };
