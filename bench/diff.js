/**
 * `yarn bench:diff`: what an ERD diff costs beside building the two ERDs, on
 * two 5,000-model projects: the generated one and a changed copy of it.
 * Target: diffing (and rendering erd-diff.json) adds ≤ 0.5× one engine build.
 * Writes its section to bench/out/diff.md; `yarn bench` appends it to RESULTS.md.
 *
 *   node bench/diff.js [--models 5000] [--runs 3]
 */
/* eslint-disable no-console */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { compileEngine } = require('./compileEngine');
const { generatedProject, hasArtifacts } = require('./generatedProject');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const TARGET = 0.5;

function parseArgs(argv) {
  const options = { models: 5000, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--models') options.models = Number(argv[++i]);
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return options;
}

/** The engine benchmark's project of that size (generated when missing). */
const baseProject = generatedProject;

/**
 * A pull request's worth of change, at scale: every 50th relationships test
 * deleted, every 100th model dropped, every 20th catalog column retyped.
 * Written once beside the base project.
 */
function changedProject(baseDir) {
  const dir = `${baseDir}-changed`;
  if (hasArtifacts(dir)) return dir;
  console.log(`writing the changed copy of ${baseDir} ...`);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(baseDir, 'manifest.json'), 'utf8'),
  );
  const catalog = JSON.parse(
    fs.readFileSync(path.join(baseDir, 'catalog.json'), 'utf8'),
  );
  const ids = Object.keys(manifest.nodes);
  ids
    .filter(id => id.startsWith('test.') && id.includes('relationships'))
    .filter((_, i) => i % 50 === 0)
    .forEach(id => delete manifest.nodes[id]);
  const dropped = ids
    .filter(id => id.startsWith('model.'))
    .filter((_, i) => i % 100 === 0);
  dropped.forEach(id => {
    delete manifest.nodes[id];
    delete catalog.nodes[id];
  });
  let column = 0;
  for (const node of Object.values(catalog.nodes)) {
    for (const entry of Object.values(node.columns ?? {})) {
      if (column++ % 20 === 0) entry.type = `${entry.type}_v2`;
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify(catalog));
  return dir;
}

function measure(baseDir, headDir, engineEntry) {
  const output = execFileSync(
    process.execPath,
    [path.join(__dirname, 'measureDiff.js'), baseDir, headDir, engineEntry],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').pop());
}

/** Fastest of the runs for each step: load from elsewhere only adds time. */
function fastest(runs) {
  const min = field => Math.min(...runs.map(r => r[field]));
  return {
    ...runs[0],
    baseMs: min('baseMs'),
    headMs: min('headMs'),
    diffMs: min('diffMs'),
    jsonMs: min('jsonMs'),
    markdownMs: min('markdownMs'),
    maxRssMb: Math.max(...runs.map(r => r.maxRssMb)),
  };
}

const seconds = ms => `${(ms / 1000).toFixed(2)} s`;
const milliseconds = ms => `${ms.toFixed(0)} ms`;

function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const engineEntry = compileEngine(path.join(OUT, 'engine'));
  const baseDir = baseProject(options.models);
  const pairs = [
    { label: 'changed copy', head: changedProject(baseDir) },
    { label: 'identical', head: baseDir },
  ];
  const rows = pairs.map(pair => {
    const runs = [];
    for (let i = 0; i < options.runs; i++) {
      const run = measure(baseDir, pair.head, engineEntry);
      console.log(
        `  ${pair.label}: builds ${milliseconds(run.baseMs)} + ${milliseconds(
          run.headMs,
        )}, diff ${milliseconds(run.diffMs)}, json ${milliseconds(
          run.jsonMs,
        )}, markdown ${milliseconds(run.markdownMs)}`,
      );
      runs.push(run);
    }
    return { ...pair, ...fastest(runs) };
  });

  const lines = [
    '## Diff: two ERDs compared',
    '',
    `Target: diffing two ${options.models.toLocaleString(
      'en',
    )}-model projects (diffErds plus rendering erd-diff.json) adds ≤ ${TARGET}× one engine build to building both.`,
    `Measured ${new Date().toISOString()} on ${os.cpus().length} CPU(s) (${
      os.cpus()[0]?.model.trim() ?? 'unknown'
    }), Node ${process.version}, load average at the start ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(', ')}; the run took ${Math.round(
      (Date.now() - started) / 1000,
    )} s.`,
    '',
    '| head side | tables (base / head) | build base | build head | diff | erd-diff.json | diff + json vs one build | erd-diff.md | changes (tables +/−/~, relationships +/−/~) | peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(row => {
      const oneBuild = (row.baseMs + row.headMs) / 2;
      const ratio = (row.diffMs + row.jsonMs) / oneBuild;
      const { tables, relationships } = row.summary;
      return `| ${row.label} | ${row.tables.join(' / ')} | ${seconds(
        row.baseMs,
      )} | ${seconds(row.headMs)} | ${milliseconds(
        row.diffMs,
      )} | ${milliseconds(row.jsonMs)} | ${ratio.toFixed(2)}× (${
        ratio <= TARGET ? 'met' : 'MISSED'
      }) | ${milliseconds(row.markdownMs)} | ${tables.added}/${
        tables.removed
      }/${tables.changed}, ${relationships.added}/${relationships.removed}/${
        relationships.changed
      } | ${row.maxRssMb.toFixed(0)} MB |`;
    }),
    '',
    `How it is measured: the base is the engine benchmark's generated project (\`scale --models ${options.models}\`); the changed copy deletes every 50th relationships test, drops every 100th model and retypes every 20th catalog column. Each run is one child process (\`bench/measureDiff.js\`) that builds both ERDs with \`buildErdFromBytes\` (default options, files streamed in 1 MB chunks), then times \`diffErds\` and each diff target; ${options.runs} runs, fastest step of each. "One build" is the mean of the two builds. The Markdown is bounded by its Mermaid block (at most 60 tables), so it is shown apart.`,
  ];
  const section = `${lines.join('\n')}\n`;
  fs.writeFileSync(path.join(OUT, 'diff.md'), section);
  console.log(`\n${section}`);
}

main();
