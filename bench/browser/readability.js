/**
 * The browser bench's readability part: what a person sees when the ERD tab
 * opens, on real projects (../shared/dbt-wild), the demo and generated
 * projects of 50, 500 and 2,000 tables, at 1440×900 in headless Chromium.
 * At the first settled view it reads every table title on the canvas
 * (`data-testid="erd-node-title"`) and reports:
 *   - titles: how many are on the canvas;
 *   - legible: the share drawn at ≥ 9 px on screen (computed font size ×
 *     the rendered scale, i.e. the title's on-screen height over its
 *     layout height);
 *   - coverage: the share of the canvas the tables' bounding box covers;
 *   - overlaps: pairs of tables drawn on top of each other.
 *
 *   node bench/browser/readability.js [--only name,name] [--out bench/out/readability.md]
 *                                     [--production [--no-build]]
 *
 * Starts (or reuses) the dev app with app-config.bench.yaml plus a config
 * generated here that serves each dbt-wild folder as `local:wild-<name>`;
 * `--production`: the app's production build served by the backend instead
 * (see run.js).
 */
/* eslint-disable no-console */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { REPO, OUT, ensureProject, ensureApp } = require('./devApp');
const { BUILDS } = require('./report');

const WILD = path.resolve(REPO, '../shared/dbt-wild');
const VIEWPORT = { width: 1440, height: 900 };
const LEGIBLE_PX = 9;
const TARGET = { titles: 8, legible: 0.8, coverage: 0.35 };
const GENERATED = [50, 500, 2000];

/** The dbt-wild projects present, or why there are none. */
function wildProjects() {
  if (!fs.existsSync(WILD)) {
    return {
      skipped: `../shared/dbt-wild is absent (looked in ${WILD})`,
      projects: [],
    };
  }
  const projects = fs
    .readdirSync(WILD, { withFileTypes: true })
    .filter(
      d =>
        d.isDirectory() &&
        fs.existsSync(path.join(WILD, d.name, 'manifest.json')),
    )
    .map(d => d.name)
    .sort();
  return { projects };
}

const entityName = project =>
  `wild-${project.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.slice(0, 63);

/** A dev-app overlay and catalog file serving each dbt-wild project as `local:<entity>`. */
function writeWildConfig(projects) {
  const dir = path.join(OUT, 'readability');
  fs.mkdirSync(dir, { recursive: true });
  const entity = (name, title) =>
    [
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${name}`,
      `  title: '${title}'`,
      '  annotations:',
      `    getdbt.com/artifacts-location: local:${name}`,
      'spec: { type: dbt-project, lifecycle: experimental, owner: group:default/data-platform }',
    ].join('\n');
  // bench/entities.yaml has the larger generated projects.
  const entities = [
    entity('bench-50', 'Bench 50 models (synthetic)'),
    ...projects.map(p => entity(entityName(p), `${p} (dbt-wild)`)),
  ].join('\n');
  const entitiesFile = path.join(dir, 'entities.yaml');
  fs.writeFileSync(entitiesFile, `${entities}\n`);
  const base = ['demo', 'hostile'].map(n => ({
    name: n,
    path: path.join(
      REPO,
      n === 'demo' ? 'examples/dbt/target' : 'examples/dbt/hostile',
    ),
  }));
  const bench = [50, 500, 2000, 5000, 10000].map(n => ({
    name: `bench-${n}`,
    path: path.join(OUT, String(n)),
  }));
  const wild = projects.map(p => ({
    name: entityName(p),
    path: path.join(WILD, p),
  }));
  const yaml = [
    '# Written by bench/browser/readability.js: the bench projects and ../shared/dbt-wild.',
    'catalog:',
    '  locations:',
    ...[
      'catalog-info.yaml',
      'examples/entities.yaml',
      'bench/entities.yaml',
    ].map(f => `    - { type: file, target: '${path.join(REPO, f)}' }`),
    `    - { type: file, target: '${entitiesFile}' }`,
    'dbtErd:',
    '  localProjects:',
    ...[...base, ...bench, ...wild].map(
      p => `    - { name: '${p.name}', path: '${p.path}' }`,
    ),
    '',
  ].join('\n');
  const configFile = path.join(dir, 'app-config.readability.yaml');
  fs.writeFileSync(configFile, yaml);
  return configFile;
}

/** Runs in the page: the first view as a person sees it. */
function readView() {
  const diagram = document.querySelector('[data-testid="erd-diagram"]');
  const canvas = diagram.getBoundingClientRect();
  const inside = r =>
    r.right > canvas.left &&
    r.left < canvas.right &&
    r.bottom > canvas.top &&
    r.top < canvas.bottom;
  let titles = [...document.querySelectorAll('[data-testid="erd-node-title"]')];
  // Builds before the test id (for before/after figures) name the class only.
  if (!titles.length)
    titles = [...document.querySelectorAll('.erd-table-name')];
  const onCanvas = titles.filter(t => inside(t.getBoundingClientRect()));
  const sizes = onCanvas.map(t => {
    const scale = t.getBoundingClientRect().height / (t.offsetHeight || 1);
    return parseFloat(getComputedStyle(t).fontSize) * scale;
  });
  const nodes = [...document.querySelectorAll('[data-testid="erd-node"]')].map(
    n => n.getBoundingClientRect(),
  );
  const shown = nodes.filter(inside);
  let overlaps = 0;
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i];
      const b = shown[j];
      if (
        a.left < b.right - 1 &&
        b.left < a.right - 1 &&
        a.top < b.bottom - 1 &&
        b.top < a.bottom - 1
      )
        overlaps++;
    }
  }
  const clip = {
    left: Math.max(canvas.left, Math.min(...shown.map(r => r.left))),
    right: Math.min(canvas.right, Math.max(...shown.map(r => r.right))),
    top: Math.max(canvas.top, Math.min(...shown.map(r => r.top))),
    bottom: Math.min(canvas.bottom, Math.max(...shown.map(r => r.bottom))),
  };
  const coverage = shown.length
    ? (Math.max(0, clip.right - clip.left) *
        Math.max(0, clip.bottom - clip.top)) /
      (canvas.width * canvas.height)
    : 0;
  // Edges through tables they do not connect: points along each drawn
  // relationship line (screen coordinates) inside a table other than the
  // two at its ends (the tables its first and last points touch).
  const allNodes = [...document.querySelectorAll('[data-testid="erd-node"]')];
  const rects = allNodes.map(n => n.getBoundingClientRect());
  const within = (r, x, y, pad) =>
    x > r.left - pad &&
    x < r.right + pad &&
    y > r.top - pad &&
    y < r.bottom + pad;
  let edgesDrawn = 0;
  let edgeCrossings = 0;
  for (const el of document.querySelectorAll('.react-flow__edge-path')) {
    const length = el.getTotalLength?.() ?? 0;
    const matrix = el.getScreenCTM();
    if (!length || !matrix) continue;
    edgesDrawn++;
    const at = t => {
      const p = el.getPointAtLength(t).matrixTransform(matrix);
      return [p.x, p.y];
    };
    const [sx, sy] = at(0);
    const [ex, ey] = at(length);
    const ends = new Set(
      rects.flatMap((r, i) =>
        within(r, sx, sy, 6) || within(r, ex, ey, 6) ? [i] : [],
      ),
    );
    const crossed = new Set();
    const steps = Math.min(200, Math.max(10, Math.ceil(length / 8)));
    for (let k = 1; k < steps; k++) {
      const [x, y] = at((length * k) / steps);
      rects.forEach((r, i) => {
        if (!ends.has(i) && within(r, x, y, -1)) crossed.add(i);
      });
    }
    edgeCrossings += crossed.size;
  }
  const transform =
    document.querySelector('.react-flow__viewport')?.style.transform ?? '';
  const zoom = Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1] ?? 0);
  const summary =
    document.querySelector('[data-testid="erd-summary"]')?.textContent ?? '';
  const sorted = [...sizes].sort((a, b) => a - b);
  return {
    tables: Number(/(\d+) tables?/.exec(summary)?.[1] ?? NaN),
    titles: onCanvas.length,
    legible: sizes.length
      ? sizes.filter(px => px >= 9).length / sizes.length
      : 0,
    medianPx: sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0,
    coverage,
    overlaps,
    edgesDrawn,
    edgeCrossings,
    zoom,
    canvas: {
      width: Math.round(canvas.width),
      height: Math.round(canvas.height),
    },
  };
}

async function measure(browser, app, entity) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.routeWebSocket(/\/ws$/, () => {});
  const page = await context.newPage();
  try {
    await page.goto(app);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByText('Acme analytics (dbt)')
      .first()
      .waitFor({ timeout: 120_000 });
    await page.goto(`${app}/catalog/default/component/${entity}/dbt-erd`);
    const began = Date.now();
    await page.waitForSelector(
      '[data-testid="erd-diagram"][data-settled="true"] .react-flow__node',
      {
        timeout: 180_000,
      },
    );
    // A quiet moment: the settled view painted.
    await page.waitForTimeout(300);
    const view = await page.evaluate(readView);
    view.openS = (Date.now() - began) / 1000;
    if (process.env.READABILITY_SCREENSHOTS) {
      await page.screenshot({
        path: path.join(process.env.READABILITY_SCREENSHOTS, `${entity}.png`),
      });
    }
    return view;
  } finally {
    await context.close();
  }
}

/** Targets: ≥ 8 titles (all if fewer), ≥ 80 % legible, bbox ≥ 35 % (or every table at full size), 0 overlaps. */
function verdict(v) {
  const titlesOk = v.titles >= Math.min(TARGET.titles, v.tables);
  const everyTableFull = v.titles >= v.tables && v.zoom >= 1;
  const coverageOk = v.coverage >= TARGET.coverage || everyTableFull;
  const ok =
    titlesOk && v.legible >= TARGET.legible && coverageOk && v.overlaps === 0;
  return ok ? 'met' : 'MISSED';
}

const pct = x => `${Math.round(x * 100)} %`;

function markdown(results, context) {
  const lines = [
    '## Browser: readability of the first view',
    '',
    `Targets per project: at least ${TARGET.titles} table titles on the canvas (all if fewer), ≥ 80 % of them at ≥ ${LEGIBLE_PX} px on screen, the tables' bounding box covering ≥ 35 % of the canvas (or every table at full size), 0 overlapping tables.`,
    '',
    '| project | tables | zoom | titles on canvas | ≥ 9 px | median title | bbox / canvas | overlaps | edges drawn / through other tables | met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.name} | failed: ${r.error} | | | | | | | | MISSED |`);
      continue;
    }
    lines.push(
      `| ${r.name} | ${r.tables} | ${r.zoom.toFixed(2)} | ${r.titles} | ${pct(
        r.legible,
      )} | ${r.medianPx.toFixed(1)} px | ${pct(r.coverage)} | ${r.overlaps} | ${
        r.edgesDrawn
      } / ${r.edgeCrossings} | ${verdict(r)} |`,
    );
  }
  lines.push('', context, '');
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only')
    ? args[args.indexOf('--only') + 1].split(',')
    : undefined;
  const out = args.includes('--out')
    ? path.resolve(args[args.indexOf('--out') + 1])
    : path.join(OUT, '..', 'readability.md');
  const began = Date.now();
  [...GENERATED, 5000, 10000].forEach(ensureProject);
  const wild = wildProjects();
  if (wild.skipped)
    console.log(`readability: dbt-wild projects skipped: ${wild.skipped}`);
  const targets = [
    { name: 'demo', entity: 'acme-analytics-dbt' },
    ...GENERATED.map(n => ({ name: `generated ${n}`, entity: `bench-${n}` })),
    ...wild.projects.map(p => ({ name: p, entity: entityName(p) })),
  ].filter(t => !only || only.includes(t.name) || only.includes(t.entity));
  const app = await ensureApp({
    production: args.includes('--production'),
    build: !args.includes('--no-build'),
    extraConfigs: [writeWildConfig(wild.projects)],
  });
  const results = [];
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
    });
    try {
      for (const t of targets) {
        try {
          const view = await measure(browser, app.url, t.entity);
          results.push({ name: t.name, ...view });
          console.log(`${t.name}: ${JSON.stringify(view)} ${verdict(view)}`);
        } catch (e) {
          results.push({ name: t.name, error: e.message.split('\n')[0] });
          console.log(`${t.name}: failed: ${e.message.split('\n')[0]}`);
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
  const context = `Build measured: ${
    BUILDS[app.build].short
  }. Measured ${new Date().toISOString().slice(0, 10)} at ${VIEWPORT.width}×${
    VIEWPORT.height
  } on ${os.cpus().length} CPU(s); the run took ${Math.round(
    (Date.now() - began) / 1000,
  )} s. Generated projects: \`generate-dbt-artifacts scale --models N\`. ${
    wild.skipped
      ? `dbt-wild: skipped, ${wild.skipped}.`
      : `dbt-wild: the ${wild.projects.length} projects of ../shared/dbt-wild, served as local projects.`
  } "titles on canvas" counts \`data-testid="erd-node-title"\` elements inside the canvas; on-screen size is the computed font size × the title's rendered scale.`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, markdown(results, context));
  console.log(`wrote ${path.relative(REPO, out)}`);
  if (results.some(r => r.error)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch(e => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { readView, verdict, wildProjects, writeWildConfig };
