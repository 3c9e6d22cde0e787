/**
 * The browser part of `yarn bench`: the dbt ERD tab in headless Chromium on
 * generated projects of 500, 2,000, 5,000 and 10,000 models, against Backstage's
 * own DependencyGraph given the same tables and relationships.
 *
 *   node bench/browser/run.js [--sizes 500,2000,5000,10000] [--peer-sizes 500,2000]
 *                             [--peer-cap-s 120] [--out bench/out/browser.md]
 *                             [--production [--no-build]] [--cpu-slowdown 2]
 *
 * Starts the dev app with app-config.bench.yaml (or reuses one started so),
 * prints one table and writes it as Markdown. `--production` measures what
 * users get instead: the app's production build (`yarn workspace app build`,
 * skipped while packages/app/dist is newer than its sources; `--no-build`
 * reuses it as it is) served by the backend alone, at the backend's URL;
 * its table goes to bench/out/browser-production.md unless `--out` says.
 * `--cpu-slowdown N` runs the tab's page N times slower (Chromium's CPU
 * throttling, which slows its workers too): the margin of the speed targets on
 * a slower machine than this one, measured the same way every time; its table
 * gets a `-cpuNx` suffix.
 */
/* eslint-disable no-console */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, ensureProject, ensureApp } = require('./devApp');
const { launch } = require('./browser');
const { measureOurs } = require('./ours');
const { measurePeer } = require('./peer');
const { rows, consoleTable, markdown, BUILDS } = require('./report');

function parseArgs(argv) {
  const options = {
    sizes: [500, 2000, 5000, 10000],
    peerSizes: [500, 2000],
    peerCapS: 120,
    production: false,
    build: true,
    cpuSlowdown: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') options.sizes = argv[++i].split(',').map(Number);
    else if (arg === '--peer-sizes')
      options.peerSizes = argv[++i].split(',').filter(Boolean).map(Number);
    else if (arg === '--peer-cap-s') options.peerCapS = Number(argv[++i]);
    else if (arg === '--out') options.out = path.resolve(argv[++i]);
    else if (arg === '--production') options.production = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--cpu-slowdown') options.cpuSlowdown = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!(options.cpuSlowdown >= 1))
    throw new Error('--cpu-slowdown takes a factor of 1 or more');
  if (!options.build && !options.production)
    throw new Error('--no-build goes with --production');
  options.out ??= path.join(
    REPO,
    `bench/out/browser${options.production ? '-production' : ''}${
      options.cpuSlowdown > 1 ? `-cpu${options.cpuSlowdown}x` : ''
    }.md`,
  );
  return options;
}

/**
 * One retry: the dev app restarts its backend whenever someone edits a
 * backend file, which can fail a measurement for reasons not its own.
 */
async function twice(measure) {
  try {
    return await measure();
  } catch (first) {
    console.log(`retrying after: ${first.message.split('\n')[0]}`);
    try {
      return await measure();
    } catch (e) {
      console.error(e.stack);
      return { error: e.message.split('\n')[0] };
    }
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const began = Date.now();
  // The config serves exactly these projects; all exist even when fewer are measured.
  [500, 2000, 5000, 10000].forEach(ensureProject);
  const app = await ensureApp(options);
  console.log(`measuring ${BUILDS[app.build].short} at ${app.url}`);
  const results = new Map();
  try {
    const browser = await launch();
    try {
      for (const n of options.sizes) {
        console.log(`ours: ${n} tables ...`);
        results.set(n, {
          ours: await twice(() => measureOurs(browser, app.url, n, options)),
        });
        console.log(JSON.stringify(results.get(n).ours));
      }
    } finally {
      await browser.close();
    }
    // The peer last: at 2,000 it holds a core until the cap.
    for (const n of options.peerSizes) {
      console.log(
        `DependencyGraph: ${n} tables (waiting at most ${options.peerCapS} s) ...`,
      );
      const peer = await twice(() =>
        measurePeer(app.url, n, options.peerCapS * 1000),
      );
      console.log(JSON.stringify(peer));
      results.set(n, {
        ...(results.get(n) ?? { ours: { error: 'not measured' } }),
        peer,
      });
    }
  } finally {
    await app.stop();
  }

  const table = rows([...results].sort(([a], [b]) => a - b));
  const context = `Build measured: ${BUILDS[app.build].short}${
    app.buildSeconds !== undefined
      ? ` (built by this run in ${app.buildSeconds} s)`
      : ''
  }${
    options.cpuSlowdown > 1
      ? `, its page run ${options.cpuSlowdown}× slower by Chromium's CPU throttling`
      : ''
  }. Measured ${new Date().toISOString().slice(0, 10)} on ${
    os.cpus().length
  } CPU(s) (${os.cpus()[0]?.model.trim()}), load average at the end ${os
    .loadavg()[0]
    .toFixed(1)}; the whole run took ${Math.round(
    (Date.now() - began) / 1000,
  )} s. Projects: \`generate-dbt-artifacts scale --models N\` (~1.25 relationship tests per model). The DependencyGraph is waited for at most ${
    options.peerCapS
  } s per size. Reference measured once before: DependencyGraph settles in 1.0 s at 200 tables, 5.5 s at 500, 31 s at 1,000, and had not finished after 330 s at 2,000.`;
  console.log(`\n${BUILDS[app.build].short}:\n${consoleTable(table)}\n`);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, markdown(table, context, app.build));
  console.log(`wrote ${path.relative(REPO, options.out)}`);
  // Missed targets are results, not failures; a size that could not be measured is.
  if ([...results.values()].some(r => r.ours.error)) process.exitCode = 1;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
