/** Checks shared by the package's tests: what an ERD reader relies on. */

export const MANIFEST_KEYS = [
  'metadata',
  'nodes',
  'sources',
  'macros',
  'docs',
  'exposures',
  'metrics',
  'groups',
  'selectors',
  'disabled',
  'parent_map',
  'child_map',
  'group_map',
  'saved_queries',
  'semantic_models',
  'unit_tests',
];

/** Fields every model node of a dbt 1.8 manifest carries. */
export const MODEL_FIELDS = [
  'database',
  'schema',
  'name',
  'resource_type',
  'package_name',
  'path',
  'original_file_path',
  'unique_id',
  'fqn',
  'alias',
  'checksum',
  'config',
  'tags',
  'description',
  'columns',
  'meta',
  'group',
  'docs',
  'patch_path',
  'build_path',
  'unrendered_config',
  'created_at',
  'relation_name',
  'raw_code',
  'language',
  'refs',
  'sources',
  'metrics',
  'depends_on',
  'compiled_path',
  'compiled',
  'compiled_code',
  'extra_ctes_injected',
  'extra_ctes',
  'contract',
  'access',
  'constraints',
  'version',
  'latest_version',
  'deprecation_date',
];

export const COLUMN_FIELDS = [
  'name',
  'description',
  'meta',
  'data_type',
  'constraints',
  'quote',
  'tags',
];

/** Resolves `ref('x')` / `source('a', 'b')` as written in kwargs to a unique_id. */
export function resolveCall(
  manifest: Record<string, any>,
  call: string,
): string | undefined {
  const project = manifest.metadata.project_name;
  const ref = /^ref\('([^']+)'\)$/.exec(call);
  if (ref) {
    return [`model.${project}.${ref[1]}`, `seed.${project}.${ref[1]}`].find(
      id => id in manifest.nodes,
    );
  }
  const source = /^source\('([^']+)', '([^']+)'\)$/.exec(call);
  if (source) {
    const id = `source.${project}.${source[1]}.${source[2]}`;
    return id in manifest.sources ? id : undefined;
  }
  return undefined;
}

/** Problems with the graph's references; empty when everything resolves. */
export function danglingReferences(manifest: Record<string, any>): string[] {
  const known = new Set([
    ...Object.keys(manifest.nodes),
    ...Object.keys(manifest.sources),
    ...Object.keys(manifest.semantic_models),
    ...Object.keys(manifest.metrics),
  ]);
  const problems: string[] = [];
  const sections = [
    'nodes',
    'exposures',
    'metrics',
    'semantic_models',
    'unit_tests',
  ];
  for (const section of sections) {
    for (const [id, node] of Object.entries<any>(manifest[section])) {
      for (const dep of node.depends_on?.nodes ?? []) {
        if (!known.has(dep)) problems.push(`${id} depends on missing ${dep}`);
      }
      if (node.attached_node && !known.has(node.attached_node)) {
        problems.push(`${id} is attached to missing ${node.attached_node}`);
      }
      if (node.test_metadata?.name === 'relationships') {
        const to = node.test_metadata.kwargs.to;
        const target = resolveCall(manifest, to);
        if (!target) problems.push(`${id} points to missing ${to}`);
        // dbt renders `to` first: the referenced node leads depends_on.
        else if (node.depends_on.nodes[0] !== target) {
          problems.push(`${id} does not list ${target} first`);
        }
      }
    }
  }
  for (const [id, parents] of Object.entries<string[]>(manifest.parent_map)) {
    for (const parent of parents) {
      if (!manifest.child_map[parent]?.includes(id)) {
        problems.push(`child_map misses ${parent} -> ${id}`);
      }
    }
  }
  return problems;
}
