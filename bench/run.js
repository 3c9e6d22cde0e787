/**
 * `yarn bench`: every benchmark in one run, one report, bench/RESULTS.md.
 *   1. engine.js   the engine against the JSON.parse floor (writes RESULTS.md)
 *   2. backend.js  first build through the HTTP API, cached ERD under 100 clients
 *   3. diff.js     diffing two 5,000-model ERDs beside building them
 *   4. inferred.js  the `inferred` algorithm: recall/precision against declared
 *      relationships of ../shared projects, coverage, time it adds
 *   4b. payload.js  bytes per table the ERD tab receives, before and after
 *      its compact encoding
 *   5. browser/run.js  the ERD tab in headless Chromium against DependencyGraph
 *   6. browser/readability.js  what the tab's first view shows, legibly, per project
 * Each later section is appended to RESULTS.md. Flags go to engine.js;
 * SKIP_BROWSER_BENCH=true leaves out the browser part.
 */
/* eslint-disable no-console */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const OUT = path.join(__dirname, 'out');
const RESULTS = path.join(__dirname, 'RESULTS.md');
const started = Date.now();
const run = (script, args = []) =>
  execFileSync(process.execPath, [path.join(__dirname, script), ...args], {
    stdio: 'inherit',
    cwd: path.resolve(__dirname, '..'),
    // Sections are collected below, not written by each script.
    env: { ...process.env, DBT_ERD_BENCH_IN_RUN: 'true' },
  });

run('engine.js', process.argv.slice(2));
run('backend.js');
run('diff.js');
run('inferred.js');
run('payload.js');
const sections = [
  path.join(OUT, 'backend.md'),
  path.join(OUT, 'diff.md'),
  path.join(OUT, 'inferred.md'),
  path.join(OUT, 'payload.md'),
];
if (process.env.SKIP_BROWSER_BENCH !== 'true') {
  run('browser/run.js');
  sections.push(path.join(OUT, 'browser.md'));
  run('browser/readability.js');
  sections.push(path.join(OUT, 'readability.md'));
}
const report = [fs.readFileSync(RESULTS, 'utf8').trimEnd()];
for (const section of sections)
  report.push(fs.readFileSync(section, 'utf8').trim());
report.push(
  `The whole \`yarn bench\` took ${Math.round(
    (Date.now() - started) / 1000,
  )} s.`,
);
fs.writeFileSync(RESULTS, `${report.join('\n\n')}\n`);
console.log(`\nWrote ${RESULTS}`);
