/**
 * One measurement, run in its own child process so that its peak RSS is its
 * own: `node bench/measure.js <kind> <artifactsDir> [engineEntry]`.
 * Prints one JSON line: wall ms, CPU ms, peak RSS (process.resourceUsage().maxRSS).
 */
const fs = require('node:fs');
const path = require('node:path');

const [kind, dir, engineEntry] = process.argv.slice(2);
const manifestPath = path.join(dir, 'manifest.json');
const catalogPath = path.join(dir, 'catalog.json');

/**
 * How a backend would stream a file from disk: non-blocking 1 MB reads into
 * two reused buffers, the next read running while the engine works on the
 * current chunk. The engine copies what it keeps, so reuse is safe, and it
 * spares the churn of fs.createReadStream (a new Buffer per chunk, freed
 * only when the GC gets to it).
 */
async function* fileChunks(file, size = 1 << 20) {
  const handle = await fs.promises.open(file);
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
  try {
    let turn = 0;
    let reading = handle.read(buffers[turn], 0, size, null);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) return;
      turn = 1 - turn;
      reading = handle.read(buffers[turn], 0, size, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

const stream = file => fileChunks(file);

const KINDS = {
  /** Node itself, doing nothing: the RSS no measurement can go below. */
  idle: async () => ({}),
  /** The floor: read both files and JSON.parse them, nothing else. */
  floor: async () => {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const catalog = JSON.parse(fs.readFileSync(catalogPath, 'utf8'));
    return { keys: Object.keys(manifest).length + Object.keys(catalog).length };
  },
  /** The engine with default options, streaming both files. */
  ours: async engine => {
    const { erd } = await engine.buildErdFromBytes({
      manifest: stream(manifestPath),
      catalog: stream(catalogPath),
    });
    return { nodes: erd.nodes.length, edges: erd.edges.length };
  },
  /** The same through Node's own fs.createReadStream (64 kB chunks), for comparison. */
  oursNodeStream: async engine => {
    const { erd } = await engine.buildErdFromBytes({
      manifest: fs.createReadStream(manifestPath),
      catalog: fs.createReadStream(catalogPath),
    });
    return { nodes: erd.nodes.length, edges: erd.edges.length };
  },
  /** Same, keeping the compiled SQL the json target prints. */
  oursJson: async engine => {
    const { erd } = await engine.buildErdFromBytes(
      { manifest: stream(manifestPath), catalog: stream(catalogPath) },
      {},
      { keepCompiledSql: true },
    );
    return { nodes: erd.nodes.length, edges: erd.edges.length };
  },
};

async function main() {
  const run = KINDS[kind];
  if (!run) throw new Error(`unknown measurement ${kind}`);
  // Loading code is not part of the work measured.
  const engine = kind.startsWith('ours') ? require(engineEntry) : undefined;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let result;
  try {
    result = await run(engine);
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(
    `${JSON.stringify({
      ...result,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

main();
