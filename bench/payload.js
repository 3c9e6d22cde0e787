/**
 * `yarn bench:payload`: bytes the ERD tab receives per table, before (the
 * plain ERD JSON) and after the compact tab encoding (encodeTabErd), raw and
 * gzipped, on generated projects; plus the drawer's per-table response.
 * Targets at 1,000 models: ≤ 1,600 bytes per table raw, ≤ 300 gzipped.
 *   node bench/payload.js [--sizes 1000,5000]
 * Writes bench/out/payload.md (yarn bench appends it to RESULTS.md); run on
 * its own, it also replaces its section of RESULTS.md.
 */
/* eslint-disable no-console */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const ts = require('typescript');
const { compileEngine } = require('./compileEngine');
const { generatedProject } = require('./generatedProject');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const RESULTS = path.join(__dirname, 'RESULTS.md');
const CODEC = path.join(
  REPO,
  'plugins/dbt-erd-common/src/contract/tabPayload.ts',
);
const HEADING = '## Tab payload: bytes per table';
const TARGETS = { models: 1000, raw: 1600, gzip: 300 };

const sizesArg = process.argv.indexOf('--sizes');
const sizes =
  sizesArg > 0
    ? process.argv[sizesArg + 1].split(',').map(Number)
    : [1000, 5000];

/** The codec's imports are types only, so it transpiles to a standalone module. */
function compileCodec(outDir) {
  const { outputText } = ts.transpileModule(fs.readFileSync(CODEC, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
    },
    fileName: CODEC,
  });
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'tabPayload.js');
  fs.writeFileSync(file, outputText);
  return require(file);
}

const perTable = (bytes, tables) => Math.round(bytes / tables);
const gzipped = text => zlib.gzipSync(Buffer.from(text)).length;

async function measure(models, engine, codec) {
  const dir = generatedProject(models);
  const { erd, warnings } = await engine.buildErdFromBytes({
    manifest: fs.readFileSync(path.join(dir, 'manifest.json')),
    catalog: fs.readFileSync(path.join(dir, 'catalog.json')),
  });
  // What ErdService serves: the ERD plus its source and warnings.
  const response = {
    ...erd,
    source: { kind: 'local', name: `generated ${models}` },
    warnings,
  };
  const plain = JSON.stringify(response);
  const started = process.hrtime.bigint();
  const tab = JSON.stringify(codec.encodeTabErd(response));
  const encodeMs = Number(process.hrtime.bigint() - started) / 1e6;
  const decodeStarted = process.hrtime.bigint();
  codec.decodeTabErd(JSON.parse(tab));
  const decodeMs = Number(process.hrtime.bigint() - decodeStarted) / 1e6;
  // The drawer's route (…/erd/tables/:tableId), averaged over every table.
  let drawerBytes = 0;
  for (const table of erd.nodes) {
    drawerBytes += JSON.stringify({
      table,
      details: erd.extras?.nodeDetails[table.id],
      keys: erd.extras?.keys?.[table.id] ?? [],
    }).length;
  }
  const tables = erd.nodes.length;
  return {
    models,
    tables,
    plainRaw: perTable(plain.length, tables),
    plainGzip: perTable(gzipped(plain), tables),
    tabRaw: perTable(tab.length, tables),
    tabGzip: perTable(gzipped(tab), tables),
    tabTotalMb: tab.length / 1e6,
    drawer: perTable(drawerBytes, tables),
    encodeMs,
    decodeMs,
  };
}

function render(rows) {
  const met = (value, target) => (value <= target ? 'met' : 'MISSED');
  const lines = [
    HEADING,
    '',
    `Written by \`yarn bench\` (bench/payload.js) on ${new Date().toISOString()}.`,
    'The ERD tab receives `encodeTabErd(response)` (plugins/dbt-erd-common',
    'src/contract/tabPayload.ts): tables and relationships as tuples, repeated',
    'names (types, schemas, column names) once in a string table, and no',
    'descriptions, which the table drawer fetches for its one table from',
    '`…/erd/tables/:tableId`. Before: the plain ERD JSON the tab used to get.',
    '',
    '| Models | Tables | Before, raw | Before, gzip | Tab, raw | Tab, gzip | Target (raw / gzip) | Met | Tab payload | Encode / decode | Drawer response |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const targeted = r.models === TARGETS.models;
    lines.push(
      `| ${r.models} | ${r.tables} | ${r.plainRaw} B | ${r.plainGzip} B | ${
        r.tabRaw
      } B | ${r.tabGzip} B | ${
        targeted ? `≤ ${TARGETS.raw} B / ≤ ${TARGETS.gzip} B` : '—'
      } | ${
        targeted
          ? `${met(r.tabRaw, TARGETS.raw)} / ${met(r.tabGzip, TARGETS.gzip)}`
          : '—'
      } | ${r.tabTotalMb.toFixed(1)} MB | ${r.encodeMs.toFixed(
        0,
      )} / ${r.decodeMs.toFixed(0)} ms | ${r.drawer} B |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Replaces this benchmark's section of RESULTS.md, or appends it. */
function writeSection(markdown) {
  const results = fs.readFileSync(RESULTS, 'utf8');
  const start = results.indexOf(HEADING);
  if (start < 0) {
    fs.writeFileSync(RESULTS, `${results.trimEnd()}\n\n${markdown}`);
    return;
  }
  const next = results.indexOf('\n## ', start + HEADING.length);
  const end = next < 0 ? results.length : next + 1;
  fs.writeFileSync(
    RESULTS,
    `${results.slice(0, start)}${markdown}${
      next < 0 ? '' : '\n'
    }${results.slice(end)}`,
  );
}

async function main() {
  const engine = require(compileEngine(path.join(OUT, 'engine')));
  const codec = compileCodec(path.join(OUT, 'payload'));
  const rows = [];
  for (const models of sizes) {
    const row = await measure(models, engine, codec);
    console.log(
      `${models} models: ${row.plainRaw} → ${row.tabRaw} B/table raw, ${row.plainGzip} → ${row.tabGzip} B/table gzipped`,
    );
    rows.push(row);
  }
  const markdown = render(rows);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'payload.md'), markdown);
  if (process.env.DBT_ERD_BENCH_IN_RUN !== 'true') writeSection(markdown);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
