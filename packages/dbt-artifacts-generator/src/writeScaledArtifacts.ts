import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleArtifacts } from './assemble';
import { scaledProjectSpec, type ScaledProjectOptions } from './scaledProject';
import { writeJsonStream } from './writeJsonStream';

/**
 * Streams a scaled project's manifest.json and catalog.json (compact JSON)
 * into `outDir`, node by node, so a 1 GB manifest never sits in memory.
 */
export async function writeScaledArtifacts(
  options: ScaledProjectOptions & { outDir: string },
): Promise<{ manifestBytes: number; catalogBytes: number }> {
  await mkdir(options.outDir, { recursive: true });
  const { manifest, catalog } = assembleArtifacts(scaledProjectSpec(options));
  const manifestBytes = await writeJsonStream(
    join(options.outDir, 'manifest.json'),
    manifest,
  );
  const catalogBytes = await writeJsonStream(
    join(options.outDir, 'catalog.json'),
    catalog,
  );
  return { manifestBytes, catalogBytes };
}
