import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ArtifactInput } from 'backstage-plugin-dbt-erd-common';
import { DbtArtifactError } from './errors';

/** Size and modification time of the artifact files: a cheap change detector. */
export async function statArtifactsDirectory(dir: string): Promise<string> {
  const parts = await Promise.all(
    ['manifest.json', 'catalog.json'].map(async file => {
      const stat = await fs.stat(join(dir, file)).catch(() => undefined);
      return stat ? `${stat.size}-${stat.mtimeMs}` : 'none';
    }),
  );
  return parts.join(':');
}

/**
 * Reads manifest.json (required) and catalog.json (optional) from a folder,
 * such as a dbt project's `target/`, as the engine's input (`indexProject`):
 * one buffer each and no string, so a manifest far larger than a V8 string
 * can hold still reads, and the JSON is checked by the engine's streaming
 * reader, as for every other source.
 */
export async function readArtifactsDirectory(
  dir: string,
): Promise<ArtifactInput> {
  const [manifest, catalog] = await Promise.all([
    readFileBytes(join(dir, 'manifest.json'), 'manifest.json'),
    readFileBytes(join(dir, 'catalog.json'), 'catalog.json', {
      optional: true,
    }),
  ]);
  return { manifest: manifest!, catalog, warnings: [] };
}

async function readFileBytes(
  path: string,
  file: string,
  { optional = false } = {},
): Promise<Uint8Array | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && optional) return undefined;
    throw new DbtArtifactError(
      file,
      code === 'ENOENT'
        ? `${file} not found in the artifacts folder; run dbt (e.g. \`dbt docs generate\`) to write it`
        : `${file} could not be read (${code ?? 'error'})`,
    );
  }
}
