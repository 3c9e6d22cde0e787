/**
 * Tiny builders for dbt artifact objects, shaped like what dbt writes, so
 * unit tests can state only what they are about.
 */

type Json = Record<string, unknown>;
export type ManifestEntry = [string, Json];

export const DEFAULT_PACKAGE = 'shop';

export interface ColumnSpec {
  data_type?: string | null;
  description?: string | null;
  constraints?: Json[];
  meta?: Json;
}

export interface NodeSpec {
  package?: string;
  database?: string | null;
  schema?: string | null;
  alias?: string;
  description?: string | null;
  columns?: Record<string, ColumnSpec>;
  constraints?: Json[];
  meta?: Json;
  config?: Json;
  relation_name?: string | null;
  compiled_code?: string | null;
  extra?: Json;
}

/** Models and snapshots carry compiled code unless the spec sets it to undefined. */
function compiledCode(
  resourceType: string,
  name: string,
  spec: NodeSpec,
): Json {
  if (resourceType !== 'model' && resourceType !== 'snapshot') return {};
  if (!('compiled_code' in spec))
    return { compiled_code: `select * from ${name}` };
  return spec.compiled_code === undefined
    ? {}
    : { compiled_code: spec.compiled_code };
}

function tableNode(
  resourceType: string,
  id: string,
  name: string,
  spec: NodeSpec,
): ManifestEntry {
  const database = spec.database === undefined ? 'db' : spec.database;
  const schema = spec.schema === undefined ? 'main' : spec.schema;
  const alias = spec.alias ?? name;
  const columns: Json = {};
  for (const [columnName, column] of Object.entries(spec.columns ?? {})) {
    columns[columnName] = {
      name: columnName,
      description: '',
      meta: {},
      data_type: null,
      constraints: [],
      ...column,
    };
  }
  return [
    id,
    {
      unique_id: id,
      resource_type: resourceType,
      package_name: spec.package ?? DEFAULT_PACKAGE,
      name,
      database,
      schema,
      alias,
      description: spec.description === undefined ? '' : spec.description,
      columns,
      meta: spec.meta ?? {},
      config: spec.config ?? { meta: {} },
      constraints: spec.constraints ?? [],
      relation_name:
        spec.relation_name === undefined
          ? `${database}.${schema}.${alias}`
          : spec.relation_name,
      depends_on: { nodes: [] },
      ...compiledCode(resourceType, name, spec),
      ...spec.extra,
    },
  ];
}

export function modelNode(name: string, spec: NodeSpec = {}): ManifestEntry {
  return tableNode(
    'model',
    `model.${spec.package ?? DEFAULT_PACKAGE}.${name}`,
    name,
    spec,
  );
}

export function seedNode(name: string, spec: NodeSpec = {}): ManifestEntry {
  return tableNode(
    'seed',
    `seed.${spec.package ?? DEFAULT_PACKAGE}.${name}`,
    name,
    spec,
  );
}

export function snapshotNode(name: string, spec: NodeSpec = {}): ManifestEntry {
  return tableNode(
    'snapshot',
    `snapshot.${spec.package ?? DEFAULT_PACKAGE}.${name}`,
    name,
    spec,
  );
}

export function sourceNode(
  source: string,
  table: string,
  spec: NodeSpec & { identifier?: string } = {},
): ManifestEntry {
  const [id, node] = tableNode(
    'source',
    `source.${spec.package ?? DEFAULT_PACKAGE}.${source}.${table}`,
    table,
    spec,
  );
  node.source_name = source;
  node.identifier = spec.identifier ?? table;
  return [id, node];
}

export interface RelationshipTestSpec {
  /** Tested (FK) node id. */
  from: string;
  /** Referenced (PK) node id. */
  to: string;
  column?: string;
  field?: string;
  /** The `to` kwarg; defaults to `ref('<to name>')`. */
  toExpression?: string;
  /** depends_on order; defaults to [to, from] as dbt writes it. */
  dependsOn?: string[];
  attachedNode?: string | null;
  meta?: Json;
  name?: string;
  kwargs?: Json;
}

let testCounter = 0;

/** A dbt `relationships` data test. */
export function relationshipsTest(spec: RelationshipTestSpec): ManifestEntry {
  const toName = spec.to.split('.').slice(2).join('.');
  const fromName = spec.from.split('.').pop();
  testCounter += 1;
  const id = `test.${DEFAULT_PACKAGE}.${
    spec.name ?? `relationships_${fromName}_${spec.column ?? 'id'}__${toName}`
  }.${testCounter}`;
  return [
    id,
    {
      unique_id: id,
      resource_type: 'test',
      depends_on: { nodes: spec.dependsOn ?? [spec.to, spec.from] },
      attached_node:
        spec.attachedNode === undefined ? spec.from : spec.attachedNode,
      meta: spec.meta ?? {},
      config: { meta: {} },
      test_metadata: {
        name: 'relationships',
        kwargs: spec.kwargs ?? {
          column_name: spec.column ?? 'id',
          field: spec.field ?? 'id',
          to: spec.toExpression ?? `ref('${toName}')`,
          model: `{{ get_where_subquery(ref('${fromName}')) }}`,
        },
      },
    },
  ];
}

export function exposure(name: string, dependsOn: string[]): ManifestEntry {
  const id = `exposure.${DEFAULT_PACKAGE}.${name}`;
  return [id, { unique_id: id, name, depends_on: { nodes: dependsOn } }];
}

export interface EntitySpec {
  name: string;
  type: 'primary' | 'foreign' | 'unique' | 'natural';
  expr?: string | null;
}

export function semanticModel(
  name: string,
  modelId: string,
  entities: EntitySpec[],
  spec: { primaryEntity?: string; meta?: Json } = {},
): ManifestEntry {
  const id = `semantic_model.${DEFAULT_PACKAGE}.${name}`;
  return [
    id,
    {
      unique_id: id,
      name,
      depends_on: { nodes: [modelId] },
      entities: entities.map(e => ({ expr: null, ...e })),
      primary_entity: spec.primaryEntity ?? null,
      config: { meta: spec.meta ?? {} },
    },
  ];
}

export interface ManifestSpec {
  /** Schema version number; null leaves metadata.dbt_schema_version out. */
  version?: number | null;
  nodes?: ManifestEntry[];
  sources?: ManifestEntry[];
  exposures?: ManifestEntry[];
  /** Omitted: the manifest has no semantic_models key (dbt < 1.6). */
  semanticModels?: ManifestEntry[];
  metadata?: Json;
}

export function buildManifest(spec: ManifestSpec = {}): Json {
  const version = spec.version === undefined ? 12 : spec.version;
  const manifest: Json = {
    metadata: {
      ...(version === null
        ? {}
        : {
            dbt_schema_version: `https://schemas.getdbt.com/dbt/manifest/v${version}.json`,
          }),
      generated_at: '2024-01-02T03:04:05.000000Z',
      project_name: DEFAULT_PACKAGE,
      ...spec.metadata,
    },
    nodes: Object.fromEntries(spec.nodes ?? []),
    sources: Object.fromEntries(spec.sources ?? []),
    exposures: Object.fromEntries(spec.exposures ?? []),
  };
  if (spec.semanticModels)
    manifest.semantic_models = Object.fromEntries(spec.semanticModels);
  return manifest;
}

/** [name, type, comment?] as the warehouse reports them. */
export type CatalogColumnSpec = [string, string, string?];

export interface CatalogEntrySpec {
  id: string;
  columns: CatalogColumnSpec[];
  section?: 'nodes' | 'sources';
  database?: string;
  schema?: string;
  name?: string;
}

export function buildCatalog(entries: CatalogEntrySpec[]): Json {
  const catalog: { metadata: Json; nodes: Json; sources: Json } = {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json',
    },
    nodes: {},
    sources: {},
  };
  for (const entry of entries) {
    const columns: Json = {};
    entry.columns.forEach(([name, type, comment], index) => {
      columns[name] = {
        type,
        index: index + 1,
        name,
        comment: comment ?? null,
      };
    });
    catalog[
      entry.section ?? (entry.id.startsWith('source.') ? 'sources' : 'nodes')
    ][entry.id] = {
      metadata: {
        type: 'BASE TABLE',
        database: entry.database ?? 'db',
        schema: entry.schema ?? 'main',
        name: entry.name ?? entry.id.split('.').pop(),
        comment: null,
      },
      columns,
      stats: {},
      unique_id: entry.id,
    };
  }
  return catalog;
}

export const modelId = (name: string) => `model.${DEFAULT_PACKAGE}.${name}`;
