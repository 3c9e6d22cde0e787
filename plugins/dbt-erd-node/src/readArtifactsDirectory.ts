import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { DbtArtifactError } from './errors';

/** The two dbt artifacts the ERD is built from, parsed. */
export interface DbtArtifacts {
  manifest: unknown;
  /** Absent when the folder has no catalog.json (`dbt docs generate` not run). */
  catalog?: unknown;
}

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
 * such as a dbt project's `target/`.
 */
export async function readArtifactsDirectory(dir: string): Promise<DbtArtifacts> {
  const [manifest, catalog] = await Promise.all([
    readJsonFile(join(dir, 'manifest.json'), 'manifest.json'),
    readJsonFile(join(dir, 'catalog.json'), 'catalog.json', { optional: true }),
  ]);
  return { manifest, catalog };
}

async function readJsonFile(
  path: string,
  file: string,
  { optional = false } = {},
): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && optional) {
      return undefined;
    }
    throw new DbtArtifactError(
      file,
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `${file} not found in the artifacts folder; run dbt (e.g. \`dbt docs generate\`) to write it`
        : `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseArtifactJson(text, file);
}

/** JSON.parse with an error that names the file instead of a parser trace. */
export function parseArtifactJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DbtArtifactError(
      file,
      `${file} is not valid JSON (${(error as Error).message}); re-run dbt to write it again`,
    );
  }
}
