/**
 * Transpiles the engine's TypeScript to plain CommonJS under bench/out/engine,
 * so measuring children load it like production code would: no on-the-fly
 * transform, whose own memory would blur the RSS figures.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ENGINE_SRC = path.resolve(
  __dirname,
  '../plugins/dbt-erd-common/src/engine',
);

function isProductionSource(file) {
  return (
    file.endsWith('.ts') &&
    !file.endsWith('.test.ts') &&
    !file.split(path.sep).includes('__testUtils__')
  );
}

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (isProductionSource(full)) yield full;
  }
}

/** Writes the transpiled engine to `outDir`; returns its entry point. */
function compileEngine(outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const file of sourceFiles(ENGINE_SRC)) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    const target = path
      .join(outDir, path.relative(ENGINE_SRC, file))
      .replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  return path.join(outDir, 'index.js');
}

module.exports = { compileEngine };
