import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliInputError } from './cliErrors';

const MANIFEST = 'manifest.json';

function hasManifest(dir: string): boolean {
  return existsSync(join(dir, MANIFEST));
}

/**
 * The folder to read manifest.json and catalog.json from. Like dbterd: the
 * given folder (default: the current one) when it holds manifest.json, else
 * its `target/` subfolder, so both a dbt project folder and its target/ work.
 */
export function resolveArtifactsDir(
  artifactsDir: string | undefined,
  cwd: string,
  flag = '-ad/--artifacts-dir',
): string {
  const dir = resolve(cwd, artifactsDir ?? '.');
  if (artifactsDir !== undefined) {
    if (!existsSync(dir)) {
      throw new CliInputError(
        `artifacts folder ${dir} does not exist; pass ${flag} with the folder holding manifest.json (usually your dbt project's target/)`,
      );
    }
    if (!statSync(dir).isDirectory()) {
      throw new CliInputError(
        `artifacts folder ${dir} is a file, not a folder; pass ${flag} with the folder holding manifest.json`,
      );
    }
  }
  if (hasManifest(dir)) return dir;
  const target = join(dir, 'target');
  if (hasManifest(target)) return target;
  throw new CliInputError(
    `${MANIFEST} not found in ${dir} nor in ${target}; run dbt (e.g. \`dbt docs generate\`) or pass ${flag} with the folder holding it`,
  );
}
