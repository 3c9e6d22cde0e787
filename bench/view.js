/**
 * One view of a cached project index, in steps, without HTTP: the index of
 * a generated project is built once, then each of the backend bench's six
 * views is derived (ErdDerivation.view), encoded for the tab
 * (encodeTabView), stringified, gzipped and hashed as ServedErds does, each
 * step timed; each round on a new ErdDerivation, so that every view is the
 * first with its option, as in `bench/backend.js`.
 *   node bench/view.js [--models 5000] [--rounds 3]
 *   node bench/view.js --canonical   (through the canonical ERD and
 *     encodeTabErd, as the backend did before, for comparison)
 *   node --cpu-prof bench/view.js   (a profile; the index build is in it too)
 * The backend's own code, through Backstage's on-the-fly transform.
 */
/* eslint-disable no-console */
require('@backstage/cli/config/nodeTransform.cjs');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { constants, gzipSync } = require('node:zlib');
const common = require('../plugins/dbt-erd-common/src');

function arg(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const models = Number(arg('--models', '5000'));
const rounds = Number(arg('--rounds', '3'));
// --canonical: through the canonical ERD (build, then encodeTabErd), as before.
const canonical = process.argv.includes('--canonical');
const dir = path.join(__dirname, 'out', String(models));

// The backend bench's views (bench/backendServer.js), as engine options.
const VIEWS = {
  model_contract: { algo: 'model_contract' },
  'model+source': { resourceTypes: ['model', 'source'] },
  'schema.table': { entityNameFormat: 'schema.table' },
  'group schema': { entityGroup: 'schema' },
  'exclude staging': { exclude: ['schema:staging'] },
  semantic: { algo: 'semantic' },
};

const ms = started => Number(process.hrtime.bigint() - started) / 1e6;
const median = values => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const index = common.setCompiledSqlAside(
    await common.indexProject({
      manifest: fs.readFileSync(path.join(dir, 'manifest.json')),
      catalog: fs.readFileSync(path.join(dir, 'catalog.json')),
      warnings: [],
    }),
  ).index;
  const source = { kind: 'local', name: 'bench' };
  const steps = { derive: [], encode: [], stringify: [], gzip: [], hash: [] };
  const totals = [];
  for (let round = 0; round < rounds; round++) {
    // A new derivation per round: each view is then the first with its option.
    const derivation = new common.ErdDerivation(index);
    derivation.build({});
    for (const options of Object.values(VIEWS)) {
      const t0 = process.hrtime.bigint();
      let t1;
      let payload;
      if (canonical) {
        const { erd, warnings } = derivation.build(options);
        t1 = process.hrtime.bigint();
        payload = common.encodeTabErd({ ...erd, source, warnings });
      } else {
        const view = derivation.view(options);
        t1 = process.hrtime.bigint();
        payload = common.encodeTabView(view, source);
      }
      const t2 = process.hrtime.bigint();
      const body = JSON.stringify(payload);
      const t3 = process.hrtime.bigint();
      gzipSync(body, { level: constants.Z_BEST_SPEED });
      const t4 = process.hrtime.bigint();
      createHash('sha1').update(body).digest('base64url');
      steps.derive.push(Number(t1 - t0) / 1e6);
      steps.encode.push(Number(t2 - t1) / 1e6);
      steps.stringify.push(Number(t3 - t2) / 1e6);
      steps.gzip.push(Number(t4 - t3) / 1e6);
      steps.hash.push(ms(t4));
      totals.push(ms(t0));
    }
  }
  const row = Object.entries(steps)
    .map(([step, times]) => `${step} ${median(times).toFixed(1)}`)
    .join(', ');
  console.log(
    `${models} models, ${
      index.nodes.length
    } tables: median ms ${row}; view total ${median(totals).toFixed(
      1,
    )} (${totals.map(t => t.toFixed(0)).join(' ')})`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
