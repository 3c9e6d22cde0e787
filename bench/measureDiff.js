/**
 * One diff measurement in its own process:
 * `node bench/measureDiff.js <baseDir> <headDir> <engineEntry>`.
 * Builds both ERDs as the backend does (streamed bytes, default options),
 * then diffs them and renders erd-diff.json and erd-diff.md. Prints one JSON
 * line with the time of each step.
 */
const fs = require('node:fs');
const path = require('node:path');

const [baseDir, headDir, engineEntry] = process.argv.slice(2);
const engine = require(path.resolve(engineEntry));

function build(dir) {
  return engine.buildErdFromBytes({
    manifest: fs.createReadStream(path.join(dir, 'manifest.json'), {
      highWaterMark: 1 << 20,
    }),
    catalog: fs.createReadStream(path.join(dir, 'catalog.json'), {
      highWaterMark: 1 << 20,
    }),
  });
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  let started = now();
  const base = (await build(baseDir)).erd;
  const baseMs = now() - started;
  started = now();
  const head = (await build(headDir)).erd;
  const headMs = now() - started;

  started = now();
  const diff = engine.diffErds(base, head, { base: 'base', head: 'head' });
  const diffMs = now() - started;
  started = now();
  const json = engine.getErdDiffTarget('json').render(diff, { base, head });
  const jsonMs = now() - started;
  started = now();
  const markdown = engine
    .getErdDiffTarget('markdown')
    .render(diff, { base, head });
  const markdownMs = now() - started;

  process.stdout.write(
    `${JSON.stringify({
      baseMs,
      headMs,
      diffMs,
      jsonMs,
      markdownMs,
      tables: [base.nodes.length, head.nodes.length],
      summary: diff.summary,
      jsonBytes: json.length,
      markdownBytes: markdown.length,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

main();
