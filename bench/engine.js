/**
 * `yarn bench`: the ERD engine against the JSON.parse floor on generated
 * dbt projects of growing size. See README.md for what is measured and why.
 *
 *   yarn bench [--sizes 100,1000,5000,10000] [--runs 5] [--skip-1gb] [--out FILE]
 */
/* eslint-disable no-console */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { compileEngine } = require('./compileEngine');
const { renderResults } = require('./results');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const GENERATOR = path.join(
  REPO,
  'packages/dbt-artifacts-generator/bin/generate-dbt-artifacts',
);

/** Targets from the brief: ours over the floor. */
const TARGETS = { time: 1.0, rss: 0.6 };

function parseArgs(argv) {
  const options = {
    sizes: [100, 1000, 5000, 10000],
    runs: 5,
    gigabyte: true,
    out: path.join(__dirname, 'RESULTS.md'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--skip-1gb') options.gigabyte = false;
    else if (arg === '--sizes')
      options.sizes = argv[++i].split(',').map(Number);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--out') options.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** Generates a project once; later runs reuse it (bench/out is git-ignored). */
function ensureArtifacts(name, generatorArgs) {
  const dir = path.join(OUT, name);
  const done = ['manifest.json', 'catalog.json'].every(f =>
    fs.existsSync(path.join(dir, f)),
  );
  if (!done) {
    console.log(`generating ${name} ...`);
    execFileSync(
      process.execPath,
      [GENERATOR, 'scale', ...generatorArgs, '--out', dir],
      { stdio: 'inherit', cwd: REPO },
    );
  }
  const size = f => fs.statSync(path.join(dir, f)).size;
  return {
    dir,
    manifestBytes: size('manifest.json'),
    catalogBytes: size('catalog.json'),
  };
}

function measureOnce(kind, dir, engineEntry) {
  const output = execFileSync(
    process.execPath,
    [path.join(__dirname, 'measure.js'), kind, dir, engineEntry],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').pop());
}

/**
 * Each measurement `runs` times, round-robin across kinds, so that a burst
 * of load from elsewhere hits the floor and ours alike. Keeps the fastest
 * time (load only ever adds time) and the highest peak RSS (the
 * conservative one).
 */
function measureAll(kinds, dir, engineEntry, runs, onEach) {
  const results = Object.fromEntries(kinds.map(kind => [kind, []]));
  for (let i = 0; i < runs; i++) {
    for (const kind of kinds) {
      const result = measureOnce(kind, dir, engineEntry);
      results[kind].push(result);
      onEach(kind, result);
    }
  }
  return Object.fromEntries(
    kinds.map(kind => {
      const all = results[kind];
      const failed = all.find(r => r.error);
      if (failed) return [kind, failed];
      return [
        kind,
        {
          ...all[0],
          wallMs: Math.min(...all.map(r => r.wallMs)),
          cpuMs: Math.min(...all.map(r => r.cpuMs)),
          maxRssMb: Math.max(...all.map(r => r.maxRssMb)),
          minRssMb: Math.min(...all.map(r => r.maxRssMb)),
        },
      ];
    }),
  );
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0] ? cpus[0].model.trim() : 'unknown',
    cores: cpus.length,
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    load: os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(', '),
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const host = machine();
  const engineEntry = compileEngine(path.join(OUT, 'engine'));
  const projects = options.sizes.map(models => ({
    label: String(models),
    models,
    ...ensureArtifacts(String(models), ['--models', String(models)]),
  }));
  if (options.gigabyte) {
    projects.push({
      label: '10000 (1 GB)',
      models: 10000,
      gigabyte: true,
      ...ensureArtifacts('10000-1gb', [
        '--models',
        '10000',
        '--manifest-mb',
        '1024',
      ]),
    });
  }

  const idle = measureAll(
    ['idle'],
    OUT,
    engineEntry,
    options.runs,
    () => {},
  ).idle;
  const rows = [];
  for (const project of projects) {
    // The 1 GB case runs once: it is about bounded memory, not timing noise.
    const runs = project.gigabyte ? 1 : options.runs;
    console.log(`${project.label} models (${runs} runs of each):`);
    const measured = measureAll(
      ['floor', 'ours', 'oursJson', 'oursNodeStream'],
      project.dir,
      engineEntry,
      runs,
      (kind, r) =>
        console.log(
          `  ${kind}: ${
            r.error
              ? `failed: ${r.error}`
              : `${(r.wallMs / 1000).toFixed(2)} s, ${r.maxRssMb.toFixed(0)} MB`
          }`,
        ),
    );
    rows.push({ project, ...measured });
  }

  const report = renderResults({
    machine: host,
    targets: TARGETS,
    idle,
    rows,
    runs: options.runs,
    took: (Date.now() - started) / 1000,
  });
  console.log(`\n${report.table}`);
  fs.writeFileSync(options.out, report.markdown);
  console.log(`\nWrote ${path.relative(REPO, options.out)}`);
}

main();
