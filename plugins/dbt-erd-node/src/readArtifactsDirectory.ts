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
export async function readArtifactsDirectory(
  dir: string,
): Promise<DbtArtifacts> {
  const [manifest, catalog] = await Promise.all([
    readJsonFile(join(dir, 'manifest.json'), 'manifest.json'),
    readJsonFile(join(dir, 'catalog.json'), 'catalog.json', { optional: true }),
  ]);
  return { manifest, catalog };
}

/** The two artifacts as bytes, for the engine's streaming reader. */
export interface DbtArtifactFiles {
  manifest: Uint8Array;
  catalog?: Uint8Array;
}

/**
 * Reads manifest.json (required) and catalog.json (optional) as bytes: one
 * buffer each and no string, so a manifest far larger than a V8 string can
 * hold still reads.
 */
export async function readArtifactsDirectoryBytes(
  dir: string,
): Promise<DbtArtifactFiles> {
  const [manifest, catalog] = await Promise.all([
    readFileBytes(join(dir, 'manifest.json'), 'manifest.json'),
    readFileBytes(join(dir, 'catalog.json'), 'catalog.json', {
      optional: true,
    }),
  ]);
  return { manifest: manifest!, catalog };
}

async function readFileBytes(
  path: string,
  file: string,
  { optional = false } = {},
): Promise<Uint8Array | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    const failure = missingOrUnreadable(error, file, optional);
    if (!failure) return undefined;
    throw failure;
  }
}

function missingOrUnreadable(error: unknown, file: string, optional: boolean) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && optional) return undefined;
  return new DbtArtifactError(
    file,
    code === 'ENOENT'
      ? `${file} not found in the artifacts folder; run dbt (e.g. \`dbt docs generate\`) to write it`
      : `${file} could not be read (${code ?? 'error'})`,
  );
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
    const failure = missingOrUnreadable(error, file, optional);
    if (!failure) return undefined;
    throw failure;
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
      `${file} is not valid JSON (${
        (error as Error).message
      }); re-run dbt to write it again`,
    );
  }
}
