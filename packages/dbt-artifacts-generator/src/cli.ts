/* eslint-disable no-console */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  formatDemoJson,
  generateDemoArtifacts,
  generateHostileArtifacts,
} from './index';
import { planSqlPadding } from './sizing';
import { writeScaledArtifacts } from './writeScaledArtifacts';

// This package only ever runs from source (bin/ loads src/ through the TS
// transform), so __dirname reliably locates the repository.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../..');
const DEMO_OUT = join(REPO_ROOT, 'examples/dbt/target');
const HOSTILE_OUT = join(REPO_ROOT, 'examples/dbt/hostile');

const USAGE = `Usage:
  generate-dbt-artifacts demo [--out DIR]
      Writes the demo project (pretty JSON) to DIR (default examples/dbt/target).
  generate-dbt-artifacts scale --models N --out DIR [--seed S] [--sql-padding K] [--manifest-mb MB]
      Streams a synthetic project of N models (compact JSON) to DIR.
      --sql-padding K   extra CTE blocks per model (fractions allowed), ~1.3 kB each
      --manifest-mb MB  pick --sql-padding so manifest.json is about MB megabytes;
                        without --models, N is chosen instead (~24 kB per model)`;

function parseArgs(argv: string[]): {
  command?: string;
  flags: Map<string, string>;
} {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { command, flags };
}

function numberFlag(flags: Map<string, string>, name: string) {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`--${name} must be a non-negative number, got ${raw}`);
  }
  return value;
}

async function demo(flags: Map<string, string>) {
  const outDir = resolve(flags.get('out') ?? DEMO_OUT);
  const { manifest, catalog } = generateDemoArtifacts();
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'manifest.json'), formatDemoJson(manifest));
  await writeFile(join(outDir, 'catalog.json'), formatDemoJson(catalog));
  console.log(`Wrote demo artifacts to ${outDir}`);
  if (!flags.has('out')) {
    const hostile = generateHostileArtifacts();
    await mkdir(HOSTILE_OUT, { recursive: true });
    await writeFile(
      join(HOSTILE_OUT, 'manifest.json'),
      formatDemoJson(hostile.manifest),
    );
    await writeFile(
      join(HOSTILE_OUT, 'catalog.json'),
      formatDemoJson(hostile.catalog),
    );
    console.log(`Wrote hostile-names artifacts to ${HOSTILE_OUT}`);
  }
}

async function scale(flags: Map<string, string>) {
  const outDir = flags.get('out');
  if (!outDir) throw new Error('--out is required');
  const seed = numberFlag(flags, 'seed');
  const targetMb = numberFlag(flags, 'manifest-mb');
  let models = numberFlag(flags, 'models');
  let sqlPadding = numberFlag(flags, 'sql-padding');
  if (targetMb !== undefined) {
    const plan = planSqlPadding({ targetBytes: targetMb * 1e6, models, seed });
    models = plan.models;
    sqlPadding = plan.sqlPadding;
    console.log(
      `Aiming at ${targetMb} MB: ${models} models, --sql-padding ${sqlPadding.toFixed(
        3,
      )}`,
    );
  }
  if (!models) throw new Error('--models (or --manifest-mb) is required');
  const started = process.hrtime.bigint();
  const result = await writeScaledArtifacts({
    models,
    seed,
    sqlPadding,
    outDir: resolve(outDir),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `Wrote ${models} models to ${resolve(outDir)} in ${seconds.toFixed(
      1,
    )} s: ` +
      `manifest.json ${(result.manifestBytes / 1e6).toFixed(1)} MB ` +
      `(${Math.round(result.manifestBytes / models)} bytes/model), ` +
      `catalog.json ${(result.catalogBytes / 1e6).toFixed(1)} MB`,
  );
}

async function main() {
  const { command, flags } = parseArgs(process.argv.slice(2));
  if (command === 'demo') return demo(flags);
  if (command === 'scale') return scale(flags);
  console.log(USAGE);
  if (command !== '--help' && command !== 'help') process.exitCode = 1;
  return undefined;
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
