/**
 * Layout quality without a browser: for each project (a folder with
 * manifest.json and catalog.json), the whole diagram as the ERD tab lays it
 * out (all columns, groups, the tab's default for inferred edges, a
 * 1126×498 canvas), and per project the relationship lines, how many run
 * along a routed path, the tables they pass through that they do not
 * connect (each line sampled along the path it draws: routed, or React
 * Flow's bezier between the column handles) and overlapping tables.
 *
 *   node bench/layout/crossings.js [--src <checkout>] <project dir>...
 *
 * `--src` measures another checkout's layout (its plugins/dbt-erd/src,
 * e.g. `git archive main plugins/dbt-erd/src | tar -x -C /tmp/main`), for a
 * before figure. Prints one JSON line per project: `extent` (the tables'
 * bounding box, which the first view fits), `edges`, `routed`,
 * `crossings` (line × table it does not connect), `overlaps`, `layoutMs`.
 * With CROSSINGS_DEBUG=1 also one line per crossing line.
 *
 * The browser's readability bench (bench/browser/readability.js) counts
 * the same on what the first view renders; this one needs no dev app.
 */
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const esbuild = require('esbuild');

const REPO = path.resolve(__dirname, '../..');

async function main() {
  const args = process.argv.slice(2);
  const srcAt = args.indexOf('--src');
  const checkout = srcAt >= 0 ? path.resolve(args.splice(srcAt, 2)[1]) : REPO;
  const src = path.join(checkout, 'plugins/dbt-erd/src');
  const out = path.join(REPO, 'bench/out/layout/crossings.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'crossings.entry.ts')],
    bundle: true,
    platform: 'node',
    outfile: out,
    logLevel: 'warning',
    nodePaths: [path.join(REPO, 'node_modules')],
    plugins: [
      {
        // `@erd/...` is the plugin's src under test.
        name: 'erd-src',
        setup(build) {
          build.onResolve({ filter: /^@erd\// }, a =>
            build.resolve(`./${a.path.slice(5)}`, {
              resolveDir: src,
              kind: a.kind,
            }),
          );
        },
      },
    ],
  });
  execFileSync(process.execPath, [out, ...args], { stdio: 'inherit' });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
