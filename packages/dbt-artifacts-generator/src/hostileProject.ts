import type { DbtArtifactsJson } from './artifactsJson';

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
 * Names that are special on JavaScript objects: used as schema and table
 * names, they prove no record keyed by artifact data is a plain object
 * (a schema `__proto__` once wrote NaN bounds onto Object.prototype).
 */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor'] as const;

/**
 * Copies of the first model of the demo named `name`, in a schema named
 * after the other prototype name (so each name is both a schema and a
 * table).
 */
function addPrototypeNamedModels(manifest: any, catalog: any) {
  const original = Object.values<any>(manifest.nodes).find(
    n => n.resource_type === 'model',
  );
  if (!original) return;
  PROTOTYPE_NAMES.forEach((name, i) => {
    const schema = PROTOTYPE_NAMES[(i + 1) % PROTOTYPE_NAMES.length];
    // Their own package, so they sort after the demo's models.
    const packageName = 'prototype_names';
    const uniqueId = `model.${packageName}.${name}`;
    const node = structuredClone(original);
    Object.assign(node, {
      unique_id: uniqueId,
      package_name: packageName,
      name,
      alias: name,
      schema,
      fqn: [packageName, schema, name],
      path: `${schema}/${name}.sql`,
      original_file_path: `models/${schema}/${name}.sql`,
      relation_name: `"${original.database}"."${schema}"."${name}"`,
    });
    // JSON.parse makes `__proto__` an own key; so must this.
    Object.defineProperty(manifest.nodes, uniqueId, {
      value: node,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const entry = catalog.nodes[original.unique_id];
    if (entry) {
      const copy = structuredClone(entry);
      copy.unique_id = uniqueId;
      copy.metadata = { ...copy.metadata, schema, name };
      Object.defineProperty(catalog.nodes, uniqueId, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  });
}

/**
 * The demo project with hostile descriptions on every model and column and
 * one hostile column per model, to prove the UI renders names as text and
 * every export still parses, plus models and schemas named `__proto__` and
 * `constructor`. Served by the dev app as `local:hostile`.
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
  addPrototypeNamedModels(manifest, catalog);
  return { manifest, catalog };
}
