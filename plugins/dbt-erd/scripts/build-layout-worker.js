#!/usr/bin/env node
/*
 * Runs after `backstage-cli package build` (the package's `build` script).
 *
 * The source starts the layout worker with
 * `new Worker(new URL('./layout.worker.ts', import.meta.url))`, which the dev
 * app's bundler resolves from src/. The built package has no .ts file, so
 * this script
 *   1. bundles src/layout/layout.worker.ts with its dependencies (dagre) into
 *      one self-contained classic script, dist/layout/layout.worker.js, and
 *   2. points dist/layout/createLayoutWorker.esm.js at that built name.
 * Any app bundler that understands `new Worker(new URL(..., import.meta.url))`
 * (webpack 5 and rspack, which backstage-cli uses, and Vite) then emits the
 * worker as its own chunk, served from the app's origin, so the default
 * Backstage content security policy allows it.
 */
/* eslint-disable no-console */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const packageDir = path.resolve(__dirname, '..');
const workerSource = './layout.worker.ts';
const workerBuilt = './layout.worker.js';
const referrer = path.join(packageDir, 'dist/layout/createLayoutWorker.esm.js');

function fail(message) {
  console.error(`build-layout-worker: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(referrer)) {
  fail(
    `${path.relative(
      packageDir,
      referrer,
    )} is missing; run backstage-cli package build first`,
  );
}

esbuild.buildSync({
  entryPoints: [path.join(packageDir, 'src/layout/layout.worker.ts')],
  outfile: path.join(packageDir, 'dist/layout', workerBuilt),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});

const code = fs.readFileSync(referrer, 'utf8');
const quoted = new RegExp(
  `(["'])${workerSource.replace(/\./g, '\\.')}\\1`,
  'g',
);
const found = code.match(quoted)?.length ?? 0;
if (found !== 1) {
  fail(
    `expected one reference to ${workerSource} in ${path.basename(
      referrer,
    )}, found ${found}; ` + 'update this script to match createLayoutWorker.ts',
  );
}
fs.writeFileSync(referrer, code.replace(quoted, `"${workerBuilt}"`));
console.log(`build-layout-worker: wrote dist/layout/${workerBuilt.slice(2)}`);
