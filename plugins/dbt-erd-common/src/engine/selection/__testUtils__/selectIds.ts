import { buildErd } from '../../buildErd';
import { buildErdFromBytes } from '../../artifacts/streaming/buildErdFromBytes';
import { ErdOptions } from '../../types';

/** Every table type, so a selection's result is seen whole. */
const ALL_TYPES: Partial<ErdOptions> = { resourceTypes: [] };

/** The unique_ids an ERD draws for these options, from parsed artifacts. */
export function selectIds(
  artifacts: { manifest: unknown; catalog?: unknown },
  options: Partial<ErdOptions>,
): string[] {
  return buildErd(artifacts, { ...ALL_TYPES, ...options })
    .erd.nodes.map(n => n.id)
    .sort();
}

/** The same through the streaming reader, from the manifest's bytes. */
export async function selectIdsFromBytes(
  manifest: Uint8Array,
  catalog: unknown,
  options: Partial<ErdOptions>,
): Promise<string[]> {
  const { erd } = await buildErdFromBytes(
    { manifest, catalog },
    { ...ALL_TYPES, ...options },
  );
  return erd.nodes.map(n => n.id).sort();
}
