import { refEntry, type ProjectContext } from './context';
import type { MetricSpec, SemanticModelSpec } from './projectSpec';

/** Builders of MetricFlow entries: semantic models and the metrics on them. */

function semanticModelLocation(ctx: ProjectContext, spec: SemanticModelSpec) {
  const model = ctx.modelSpec(spec.model);
  return { dir: model.dir, file: model.ymlFile };
}

export function semanticModelId(ctx: ProjectContext, name: string): string {
  return `semantic_model.${ctx.name}.${name}`;
}

export function metricId(ctx: ProjectContext, name: string): string {
  return `metric.${ctx.name}.${name}`;
}

export function buildSemanticModel(
  ctx: ProjectContext,
  spec: SemanticModelSpec,
  position: number,
) {
  const project = ctx.name;
  const { dir, file } = semanticModelLocation(ctx, spec);
  const target = { kind: 'model' as const, name: spec.model };
  return {
    name: spec.name,
    resource_type: 'semantic_model',
    package_name: project,
    path: `${dir}/${file}`,
    original_file_path: `models/${dir}/${file}`,
    unique_id: semanticModelId(ctx, spec.name),
    fqn: [project, ...dir.split('/'), spec.name],
    model: ctx.refCall(target),
    node_relation: {
      alias: spec.model,
      schema_name: ctx.schemaOf(target),
      database: ctx.spec.database,
      relation_name: ctx.relationName(target),
    },
    description: spec.description,
    label: null,
    defaults: spec.aggTimeDimension
      ? { agg_time_dimension: spec.aggTimeDimension }
      : null,
    entities: spec.entities.map(e => ({
      name: e.name,
      type: e.type,
      description: e.description ?? null,
      label: null,
      role: null,
      expr: e.expr ?? null,
    })),
    measures: spec.measures.map(m => ({
      name: m.name,
      agg: m.agg,
      description: m.description,
      label: null,
      create_metric: false,
      expr: m.expr,
      agg_params: null,
      non_additive_dimension: null,
      agg_time_dimension: null,
    })),
    dimensions: spec.dimensions.map(d => ({
      name: d.name,
      type: d.type,
      description: d.description ?? null,
      label: null,
      is_partition: false,
      type_params:
        d.type === 'time'
          ? { time_granularity: 'day', validity_params: null }
          : null,
      expr: d.expr ?? null,
      metadata: null,
    })),
    metadata: null,
    depends_on: { macros: [], nodes: [ctx.uniqueId(target)] },
    refs: [refEntry(spec.model)],
    created_at: ctx.createdAt(position),
    config: { enabled: true, group: null, meta: {} },
    unrendered_config: {},
    primary_entity: spec.primaryEntity ?? null,
    group: null,
  };
}

export function buildMetric(
  ctx: ProjectContext,
  spec: MetricSpec,
  semanticModel: SemanticModelSpec,
  position: number,
) {
  const project = ctx.name;
  const { dir, file } = semanticModelLocation(ctx, semanticModel);
  const measure = {
    name: spec.measure,
    filter: null,
    alias: null,
    join_to_timespine: false,
    fill_nulls_with: null,
  };
  return {
    name: spec.name,
    resource_type: 'metric',
    package_name: project,
    path: `${dir}/${file}`,
    original_file_path: `models/${dir}/${file}`,
    unique_id: metricId(ctx, spec.name),
    fqn: [project, ...dir.split('/'), spec.name],
    description: spec.description,
    label: spec.label,
    type: 'simple',
    type_params: {
      measure,
      input_measures: [measure],
      numerator: null,
      denominator: null,
      expr: null,
      window: null,
      grain_to_date: null,
      metrics: [],
      conversion_type_params: null,
    },
    filter: null,
    metadata: null,
    meta: {},
    tags: [],
    config: { enabled: true, group: null, meta: {} },
    unrendered_config: {},
    sources: [],
    depends_on: {
      macros: [],
      nodes: [semanticModelId(ctx, spec.semanticModel)],
    },
    refs: [],
    metrics: [],
    created_at: ctx.createdAt(position),
    group: null,
  };
}
