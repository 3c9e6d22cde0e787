import type { DbtArtifactsJson } from './index';

/**
 * Text that breaks naive rendering: markup that would run script if it were
 * injected as HTML, every quote, characters the export formats treat as
 * syntax, a newline, and Unicode (emoji, right-to-left, a combining mark).
 */
export const HOSTILE_TEXT =
  '<script>window.__dbtErdXss=1</script><img src=x onerror="window.__dbtErdXss=1"> ' +
  '"double" \'single\' `tick` back\\slash {braces} [brackets] |pipe| #hash; :colon\n' +
  'second line ☃ 🚀 العربية e\u0301';

/** A column name that is itself markup. */
export const HOSTILE_COLUMN = '<img src=x onerror=window.__dbtErdXss=1>';

/**
 * The demo project with hostile descriptions on every model and column and
 * one hostile column per model, to prove the UI renders names as text and
 * every export still parses. Served by the dev app as `local:hostile`.
 */
export function hostileArtifacts(demo: DbtArtifactsJson): DbtArtifactsJson {
  const { manifest, catalog } = structuredClone(demo);
  for (const node of Object.values<any>(manifest.nodes)) {
    if (node.resource_type !== 'model') continue;
    node.description = `${HOSTILE_TEXT} ${node.description}`;
    for (const column of Object.values<any>(node.columns ?? {})) {
      column.description = HOSTILE_TEXT;
    }
    const entry = catalog.nodes[node.unique_id];
    if (entry) {
      entry.columns[HOSTILE_COLUMN] = {
        type: 'text"; drop table x; --',
        index: Object.keys(entry.columns).length + 1,
        name: HOSTILE_COLUMN,
        comment: HOSTILE_TEXT,
      };
    }
  }
  return { manifest, catalog };
}
