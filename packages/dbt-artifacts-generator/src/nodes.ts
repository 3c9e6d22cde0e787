import { refEntry, type ProjectContext } from './context';
import { sha256 } from './hashing';
import type {
  ColumnSpec,
  ConstraintSpec,
  ModelSpec,
  SeedSpec,
  SourceTableSpec,
  TargetRef,
} from './projectSpec';
import { renderModelSql } from './sql';

/** Builders of the manifest's model, seed and source entries (dbt 1.8 field order). */

const DOCS = { show: true, node_color: null };

export function modelPath(model: ModelSpec): string {
  return `models/${model.dir}/${model.name}.sql`;
}

export function modelYmlPath(model: ModelSpec): string {
  return `models/${model.dir}/${model.ymlFile}`;
}

/** A contract foreign key's `to`, in the form the project's manifest uses. */
export function foreignKeyTo(ctx: ProjectContext, target: TargetRef): string {
  return ctx.spec.foreignKeyTo === 'ref'
    ? ctx.refCall(target)
    : ctx.relationName(target);
}

function constraintEntry(
  ctx: ProjectContext,
  constraint: ConstraintSpec,
  modelLevel: boolean,
) {
  return {
    type: constraint.type,
    name: constraint.name ?? null,
    expression: constraint.expression ?? null,
    warn_unenforced: true,
    warn_unsupported: true,
    to: constraint.to ? foreignKeyTo(ctx, constraint.to) : null,
    to_columns: constraint.toColumns ?? [],
    ...(modelLevel ? { columns: constraint.columns ?? [] } : {}),
  };
}

export function columnEntries(ctx: ProjectContext, columns: ColumnSpec[]) {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    out[column.name] = {
      name: column.name,
      description: column.description,
      meta: column.meta ?? {},
      data_type: column.dataType ?? null,
      constraints: (column.constraints ?? []).map(c =>
        constraintEntry(ctx, c, false),
      ),
      quote: null,
      tags: column.tags ?? [],
    };
  }
  return out;
}

function foreignKeyTargets(model: ModelSpec): TargetRef[] {
  const all = [
    ...(model.constraints ?? []),
    ...model.columns.flatMap(c => c.constraints ?? []),
  ];
  return all.flatMap(c => (c.type === 'foreign_key' && c.to ? [c.to] : []));
}

/**
 * What a model reads, in dbt's order: refs as they appear in the SQL, then
 * contract foreign-key targets (dbt 1.9+ appends those to `refs` even when
 * already present), sources last in `depends_on.nodes`.
 */
export function modelDependencies(ctx: ProjectContext, model: ModelSpec) {
  const inputs = [model.from, ...(model.joins ?? []).map(j => j.target)];
  const seen = new Set<string>();
  const sqlInputs = inputs.filter(t => {
    const id = ctx.uniqueId(t);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const refs = [
    ...sqlInputs.filter(t => t.kind !== 'source'),
    ...foreignKeyTargets(model),
  ];
  const sources = sqlInputs.filter(t => t.kind === 'source');
  const nodes = [...new Set([...refs, ...sources].map(t => ctx.uniqueId(t)))];
  return { refs, sources, nodes };
}

export function buildModelNode(
  ctx: ProjectContext,
  model: ModelSpec,
  position: number,
) {
  const project = ctx.name;
  const uniqueId = ctx.uniqueId({ kind: 'model', name: model.name });
  const sql = renderModelSql(ctx, model);
  const deps = modelDependencies(ctx, model);
  const enforced = model.contractEnforced ?? false;
  const access = model.access ?? 'protected';
  const contractChecksum = enforced
    ? sha256(JSON.stringify(model.columns.map(c => [c.name, c.dataType])))
    : null;
  const unrenderedConfig: Record<string, unknown> = {
    materialized: model.materialized,
    schema: model.schema,
  };
  if (model.uniqueKey) unrenderedConfig.unique_key = model.uniqueKey;
  if (enforced) unrenderedConfig.contract = { enforced: true };
  if (model.meta) unrenderedConfig.meta = model.meta;

  return {
    database: ctx.spec.database,
    schema: model.schema,
    name: model.name,
    resource_type: 'model',
    package_name: project,
    path: `${model.dir}/${model.name}.sql`,
    original_file_path: modelPath(model),
    unique_id: uniqueId,
    fqn: [project, ...model.dir.split('/'), model.name],
    alias: model.name,
    checksum: { name: 'sha256', checksum: sha256(sql.raw) },
    config: {
      enabled: true,
      alias: null,
      schema: model.schema,
      database: null,
      tags: model.tags ?? [],
      meta: model.meta ?? {},
      group: null,
      materialized: model.materialized,
      incremental_strategy: null,
      persist_docs: {},
      'post-hook': [],
      'pre-hook': [],
      quoting: {},
      column_types: {},
      full_refresh: null,
      unique_key: model.uniqueKey ?? null,
      on_schema_change: 'ignore',
      on_configuration_change: 'apply',
      grants: {},
      packages: [],
      docs: DOCS,
      contract: { enforced, alias_types: true },
      access,
    },
    tags: model.tags ?? [],
    description: model.description,
    columns: columnEntries(ctx, model.columns),
    meta: model.meta ?? {},
    group: null,
    docs: DOCS,
    patch_path: `${project}://${modelYmlPath(model)}`,
    build_path: null,
    unrendered_config: unrenderedConfig,
    created_at: ctx.createdAt(position),
    relation_name: ctx.relationName({ kind: 'model', name: model.name }),
    raw_code: sql.raw,
    language: 'sql',
    refs: deps.refs.map(t => refEntry(t.name)),
    sources: deps.sources.map(t => [
      t.kind === 'source' ? t.sourceName : '',
      t.name,
    ]),
    metrics: [],
    depends_on: { macros: sql.macros, nodes: deps.nodes },
    compiled_path: `target/compiled/${project}/${modelPath(model)}`,
    compiled: true,
    compiled_code: sql.compiled,
    extra_ctes_injected: true,
    extra_ctes: [],
    contract: { enforced, alias_types: true, checksum: contractChecksum },
    access,
    constraints: (model.constraints ?? []).map(c =>
      constraintEntry(ctx, c, true),
    ),
    version: null,
    latest_version: null,
    deprecation_date: null,
  };
}

export function buildSeedNode(
  ctx: ProjectContext,
  seed: SeedSpec,
  position: number,
) {
  const project = ctx.name;
  const fileName = seed.csvPath.split('/').pop() ?? `${seed.name}.csv`;
  return {
    database: ctx.spec.database,
    schema: seed.schema,
    name: seed.name,
    resource_type: 'seed',
    package_name: project,
    path: fileName,
    original_file_path: seed.csvPath,
    unique_id: ctx.uniqueId({ kind: 'seed', name: seed.name }),
    fqn: [project, seed.name],
    alias: seed.name,
    checksum: { name: 'sha256', checksum: sha256(seed.csvPath) },
    config: {
      enabled: true,
      alias: null,
      schema: seed.schema,
      database: null,
      tags: [],
      meta: {},
      group: null,
      materialized: 'seed',
      incremental_strategy: null,
      persist_docs: {},
      'post-hook': [],
      'pre-hook': [],
      quoting: {},
      column_types: {},
      full_refresh: null,
      unique_key: null,
      on_schema_change: 'ignore',
      on_configuration_change: 'apply',
      grants: {},
      packages: [],
      docs: DOCS,
      contract: { enforced: false, alias_types: true },
      delimiter: ',',
      quote_columns: null,
    },
    tags: [],
    description: seed.description,
    columns: columnEntries(ctx, seed.columns),
    meta: {},
    group: null,
    docs: DOCS,
    patch_path: `${project}://seeds/_seeds.yml`,
    build_path: null,
    unrendered_config: { schema: seed.schema },
    created_at: ctx.createdAt(position),
    relation_name: ctx.relationName({ kind: 'seed', name: seed.name }),
    raw_code: '',
    root_path: `/usr/app/${project}`,
    depends_on: { macros: [] },
  };
}

export function buildSourceNode(
  ctx: ProjectContext,
  source: SourceTableSpec,
  position: number,
) {
  const project = ctx.name;
  const dir = source.ymlPath.split('/').slice(1, -1);
  const target: TargetRef = {
    kind: 'source',
    sourceName: source.sourceName,
    name: source.name,
  };
  return {
    database: ctx.spec.database,
    schema: source.schema,
    name: source.name,
    resource_type: 'source',
    package_name: project,
    path: source.ymlPath,
    original_file_path: source.ymlPath,
    unique_id: ctx.uniqueId(target),
    fqn: [project, ...dir, source.sourceName, source.name],
    source_name: source.sourceName,
    source_description: source.sourceDescription,
    loader: source.loader,
    identifier: source.name,
    quoting: { database: null, schema: null, identifier: null, column: null },
    loaded_at_field: source.loadedAtField ?? null,
    freshness: {
      warn_after: source.loadedAtField
        ? { count: 12, period: 'hour' }
        : { count: null, period: null },
      error_after: source.loadedAtField
        ? { count: 24, period: 'hour' }
        : { count: null, period: null },
      filter: null,
    },
    external: null,
    description: source.description,
    columns: columnEntries(ctx, source.columns),
    meta: {},
    source_meta: {},
    tags: [],
    config: { enabled: true },
    patch_path: null,
    unrendered_config: {},
    relation_name: ctx.relationName(target),
    created_at: ctx.createdAt(position),
  };
}
