/**
 * The browser bench's inputs: generated dbt projects under
 * bench/out/browser/<N>, and a dev app serving them
 * (app-config.yaml + app-config.bench.yaml, see bench/entities.yaml).
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

/** A config overlay moving the dev app to the bench's ports. */
function portsConfig() {
  const file = path.join(OUT, 'app-config.ports.yaml');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    file,
    [
      `app: { baseUrl: '${APP}' }`,
      'backend:',
      `  baseUrl: '${BACKEND}'`,
      `  listen: { port: ${BACKEND_PORT} }`,
      `  cors: { origin: '${APP}', methods: [GET, HEAD, PATCH, POST, PUT, DELETE], credentials: true }`,
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
    ...(DEFAULT_PORTS ? [] : [portsConfig()]),
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

  const log = path.join(OUT, 'dev-app.log');
  fs.mkdirSync(OUT, { recursive: true });
  const out = fs.openSync(log, 'w');
  console.log(
    `starting the dev app with ${BENCH_CONFIG} (log: ${path.relative(
      REPO,
      log,
    )}) ...`,
  );
  // Absolute paths: `repo start` runs each package in its own folder.
  const configs = [path.join(REPO, 'app-config.yaml'), ...overlays].flatMap(
    f => ['--config', f],
  );
  const child = spawn('yarn', ['start', ...configs], {
    cwd: REPO,
    detached: true, // its own process group, so stopping it stops every child
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
  try {
    await waitUntil(
      async () =>
        (await isUp(`${BACKEND}/api/dbt-erd/health`)) && (await isUp(APP)),
      300_000,
      'the dev app',
      log,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { stop };
}

module.exports = { APP, REPO, OUT, ensureProject, ensureDevApp };
