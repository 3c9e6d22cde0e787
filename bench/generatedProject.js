/**
 * The generated projects the benchmarks share: bench/out/<models>, written
 * once by the artifacts generator and reused by later runs (git-ignored).
 */
/* eslint-disable no-console */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const GENERATOR = path.join(
  REPO,
  'packages/dbt-artifacts-generator/bin/generate-dbt-artifacts',
);

/** Whether a folder holds both artifacts. */
const hasArtifacts = dir =>
  ['manifest.json', 'catalog.json'].every(f =>
    fs.existsSync(path.join(dir, f)),
  );

/** The folder of a generated project of `models` models, generated if absent. */
function generatedProject(models) {
  const dir = path.join(OUT, String(models));
  if (!hasArtifacts(dir)) {
    console.log(`generating ${models} models ...`);
    execFileSync(
      process.execPath,
      [GENERATOR, 'scale', '--models', String(models), '--out', dir],
      { stdio: 'inherit', cwd: REPO },
    );
  }
  return dir;
}

module.exports = { generatedProject, hasArtifacts };
