import { JsonRecord, isRecord, readString } from './readers';
import { IndexedNode } from './types';

/** The IndexedNode fields that only node selection (`tag:`, `path:`...) reads. */
export type SelectionFacts = Pick<
  IndexedNode,
  'tags' | 'fqn' | 'originalFilePath' | 'group' | 'access' | 'config'
>;

/**
 * Strings of a list, leniently: these fields never mattered to an ERD
 * before, so an odd shape in an old or hand-made manifest selects nothing
 * rather than failing the build.
 */
function stringsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return null;
}

/**
 * Config keys left out of the index: `meta` is read elsewhere and can be
 * large; `__proto__` would not be a key of a plain object.
 */
const SKIPPED_CONFIG_KEYS = new Set(['meta', '__proto__']);

/**
 * Flattens config to dotted keys, one nested level deep (`contract.enforced`,
 * `docs.show`), which is as far as dbt's own configs go in practice.
 */
function flattenConfig(
  config: JsonRecord,
  prefix: string,
  depth: number,
  out: Record<string, string | string[]>,
): void {
  for (const key of Object.keys(config)) {
    if (SKIPPED_CONFIG_KEYS.has(key)) continue;
    const value = config[key];
    const dotted = prefix + key;
    if (Array.isArray(value)) {
      const strings = value
        .map(scalarText)
        .filter((item): item is string => item !== null);
      if (strings.length > 0) out[dotted] = strings;
    } else if (isRecord(value)) {
      if (depth < 1) flattenConfig(value, `${dotted}.`, depth + 1, out);
    } else {
      const text = scalarText(value);
      if (text !== null) out[dotted] = text;
    }
  }
}

export function readSelectionFacts(entry: JsonRecord): SelectionFacts {
  const config = isRecord(entry.config) ? entry.config : {};
  // A plain object (fast to build); lookups check own keys, so
  // `config.constructor:` finds nothing inherited.
  const flatConfig: Record<string, string | string[]> = {};
  flattenConfig(config, '', 0, flatConfig);
  return {
    tags: stringsOf(entry.tags),
    fqn: stringsOf(entry.fqn),
    originalFilePath: readString(entry, 'original_file_path') ?? '',
    group: readString(entry, 'group') ?? readString(config, 'group'),
    access: readString(entry, 'access') ?? readString(config, 'access'),
    config: flatConfig,
  };
}
