/** Turns the measurements into the console table and bench/RESULTS.md. */

const seconds = ms => `${(ms / 1000).toFixed(2)} s`;
const megabytes = mb => `${mb.toFixed(0)} MB`;

/** What each engine measurement is, in the order the table shows them. */
const ENGINE_KINDS = [
  { kind: 'ours', label: 'ours' },
  { kind: 'oursJson', label: 'ours + SQL' },
  { kind: 'oursNodeStream', label: 'ours, createReadStream' },
];

function verdict(ratio, target) {
  return ratio <= target ? 'met' : 'MISSED';
}

/** `1.23 s (0.95×, met)`: a figure, its ratio to the floor and the target's verdict. */
function versusFloor(measured, floor, field, target) {
  if (measured.error) return 'failed';
  const shown =
    field === 'wallMs' ? seconds(measured[field]) : megabytes(measured[field]);
  if (floor.error) return shown;
  const ratio = measured[field] / floor[field];
  return `${shown} (${ratio.toFixed(2)}×, ${verdict(ratio, target)})`;
}

function aboveIdle(measured, floor, idle) {
  if (measured.error || floor.error) return '–';
  // The idle baseline is its lowest run: what the runtime alone needs.
  const ratio =
    (measured.maxRssMb - idle.minRssMb) / (floor.maxRssMb - idle.minRssMb);
  return `${ratio.toFixed(2)}×`;
}

function header() {
  return [
    'models',
    'manifest + catalog',
    'floor time',
    'floor peak RSS',
    ...ENGINE_KINDS.flatMap(({ label }) => [
      `${label} time`,
      `${label} peak RSS`,
    ]),
    'ours RSS above idle',
  ];
}

function rowCells(row, idle, targets) {
  const { project, floor } = row;
  const size = `${(project.manifestBytes / 1e6).toFixed(0)} + ${(
    project.catalogBytes / 1e6
  ).toFixed(0)} MB`;
  return [
    project.label,
    size,
    floor.error ? 'fails' : seconds(floor.wallMs),
    floor.error ? 'fails' : megabytes(floor.maxRssMb),
    ...ENGINE_KINDS.flatMap(({ kind }) => [
      versusFloor(row[kind], floor, 'wallMs', targets.time),
      versusFloor(row[kind], floor, 'maxRssMb', targets.rss),
    ]),
    aboveIdle(row.ours, floor, idle),
  ];
}

function markdownTable(rows) {
  const line = cells => `| ${cells.join(' | ')} |`;
  const head = header();
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join(
    '\n',
  );
}

function textTable(rows) {
  const all = [header(), ...rows];
  const widths = all[0].map((_, i) =>
    Math.max(...all.map(cells => String(cells[i]).length)),
  );
  return all
    .map(cells => cells.map((c, i) => String(c).padEnd(widths[i])).join('  '))
    .join('\n');
}

function gigabyteNotes(rows) {
  return rows
    .filter(row => row.project.gigabyte)
    .map(row => {
      const { floor, ours, oursJson, project } = row;
      const manifestMb = project.manifestBytes / 1e6;
      const floorText = floor.error
        ? `fails (\`${floor.error}\`)`
        : `takes ${seconds(floor.wallMs)}`;
      const jsonText = oursJson.error
        ? 'failed'
        : `${seconds(oursJson.wallMs)} and ${megabytes(oursJson.maxRssMb)}`;
      return (
        `- ${project.label}: the floor ${floorText}. Ours builds the ERD in ` +
        `${seconds(ours.wallMs)} with a peak RSS of ${megabytes(
          ours.maxRssMb,
        )}, ${(ours.maxRssMb / manifestMb).toFixed(2)}× the manifest's size; ` +
        `keeping every model's compiled SQL (the json target) takes ${jsonText}.`
      );
    })
    .join('\n');
}

function renderResults({ machine, targets, idle, rows, runs, took }) {
  const cells = rows.map(row => rowCells(row, idle, targets));
  const markdown = `# Engine benchmark

Written by \`yarn bench\` (bench/engine.js) on ${machine.date}; the run took
${took.toFixed(0)} s.

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(
    0,
  )} GB RAM, ${machine.platform}, Node ${machine.node}.

## Engine: building the ERD from the files

Targets: time ≤ ${targets.time}× the floor, peak RSS ≤ ${
    targets.rss
  }× the floor's, and a manifest beyond \`JSON.parse\`'s reach still builds
with bounded memory.

${markdownTable(cells)}

${gigabyteNotes(rows)}

How it is measured:

- Projects come from \`@internal/dbt-artifacts-generator\` (\`scale --models N\`,
  compact JSON, ~24 kB of manifest per model); the 1 GB one pads each model's
  SQL (\`--manifest-mb 1024\`). They are generated once into \`bench/out/\`
  (git-ignored) and reused.
- Every figure comes from its own child process (\`bench/measure.js\`), so a
  peak RSS (\`process.resourceUsage().maxRSS\`) belongs to one measurement.
  The engine is transpiled to plain JavaScript first (\`bench/compileEngine.js\`),
  so no on-the-fly TypeScript transform sits in the measured process.
- **floor**: \`fs.readFileSync\` + \`JSON.parse\` of manifest.json and
  catalog.json, nothing else.
- **ours**: \`buildErdFromBytes\` with default options (algo
  \`test_relationship\`, models only), from opening the files to the finished
  ERD. Both files are streamed in 1 MB chunks read with \`FileHandle.read\`
  into two reused buffers, the next read running while the engine works.
  **ours + SQL** also keeps compiled SQL (\`keepCompiledSql\`), which only the
  \`json\` target prints. **ours, createReadStream** streams with Node's
  \`fs.createReadStream\` defaults instead (64 kB chunks, a new buffer each).
- Each figure is taken ${runs} times, the kinds taking turns so that load from
  elsewhere hits the floor and ours alike; time is the fastest run (load only
  ever adds time), peak RSS the highest. The 1 GB project runs once.
  Load average when the run started: ${machine.load}.
- An idle Node process peaks at ${megabytes(
    idle.minRssMb,
  )} (lowest of its runs); "RSS above idle" compares ours with the floor once that is taken away:
  at small N the runtime, not the data, dominates both.
`;
  return { markdown, table: textTable(cells) };
}

module.exports = { renderResults };
