import { isRecord } from './readers';

/**
 * The manifest's `selectors` as name -> definition. dbt writes each as
 * `{name, definition, description?, default?}` keyed by name; the
 * definition is kept as written and only interpreted when a rule names it,
 * so a malformed selector fails only the builds that use it.
 */
export function readSelectors(
  manifest: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const raw = manifest.selectors;
  if (!isRecord(raw)) return undefined;
  const selectors: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(raw)) {
    const entry = raw[key];
    if (!isRecord(entry) || !('definition' in entry)) continue;
    const name = typeof entry.name === 'string' ? entry.name : key;
    selectors[name] = entry.definition;
  }
  return Object.keys(selectors).length > 0 ? selectors : undefined;
}
