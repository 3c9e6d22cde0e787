import { buildCatalogEntry } from './catalog';
import { ProjectContext } from './context';
import {
  buildModelNode,
  buildSeedNode,
  buildSourceNode,
  modelDependencies,
} from './nodes';
import type { ProjectSpec } from './projectSpec';
import {
  buildDoc,
  buildExposure,
  buildMacro,
  buildUnitTest,
  exposureDependencies,
  exposureId,
  unitTestId,
} from './resources';
import {
  buildMetric,
  buildSemanticModel,
  metricId,
  semanticModelId,
} from './semanticNodes';
import { buildTestNode, genericTestNames, testDependencies } from './testNodes';
import { LazyObject } from './writeJsonStream';

export const MANIFEST_SCHEMA =
  'https://schemas.getdbt.com/dbt/manifest/v12.json';
export const CATALOG_SCHEMA = 'https://schemas.getdbt.com/dbt/catalog/v1.json';

/** manifest.json and catalog.json of a project, built entry by entry on demand. */
export interface LazyArtifacts {
  manifest: LazyObject;
  catalog: LazyObject;
}

type Entry = readonly [string, unknown];

/** Turns a project spec into its two artifacts; nothing heavy is built until iterated. */
export function assembleArtifacts(spec: ProjectSpec): LazyArtifacts {
  const ctx = new ProjectContext(spec);
  return { manifest: manifestOf(ctx), catalog: catalogOf(ctx) };
}

function lazy(entries: () => Iterable<Entry>): LazyObject {
  return new LazyObject(entries);
}

function manifestOf(ctx: ProjectContext): LazyObject {
  const spec = ctx.spec;
  const semanticByName = new Map(spec.semanticModels.map(s => [s.name, s]));
  let graph: ReturnType<typeof dependencyGraph> | undefined;
  const getGraph = () => (graph ??= dependencyGraph(ctx));

  // Positions keep created_at increasing in parse order, as in real runs.
  const nodes = lazy(function* buildNodes() {
    let position = 0;
    for (const model of spec.models) {
      const node = buildModelNode(ctx, model, position++);
      yield [node.unique_id, node];
    }
    for (const seed of spec.seeds) {
      const node = buildSeedNode(ctx, seed, position++);
      yield [node.unique_id, node];
    }
    for (const test of spec.tests) {
      const node = buildTestNode(ctx, test, position++);
      yield [node.unique_id, node];
    }
  });
  const sourceOffset =
    spec.models.length + spec.seeds.length + spec.tests.length;

  return lazy(() => [
    [
      'metadata',
      {
        dbt_schema_version: MANIFEST_SCHEMA,
        dbt_version: spec.dbtVersion,
        generated_at: spec.generatedAt,
        invocation_id: spec.invocationId,
        env: {},
        project_name: spec.name,
        project_id: ctx.projectId,
        user_id: ctx.userId,
        send_anonymous_usage_stats: false,
        adapter_type: spec.adapter,
      },
    ],
    ['nodes', nodes],
    [
      'sources',
      lazy(function* buildSources() {
        let position = sourceOffset;
        for (const source of spec.sources) {
          const node = buildSourceNode(ctx, source, position++);
          yield [node.unique_id, node];
        }
      }),
    ],
    [
      'macros',
      lazy(function* buildMacros() {
        let position = 0;
        for (const macro of spec.macros()) {
          const node = buildMacro(ctx, macro, position++);
          yield [node.unique_id, node];
        }
      }),
    ],
    [
      'docs',
      lazy(() => spec.docs.map(d => buildDoc(d)).map(d => [d.unique_id, d])),
    ],
    [
      'exposures',
      lazy(() =>
        spec.exposures.map((e, i) => {
          const node = buildExposure(ctx, e, sourceOffset + i);
          return [node.unique_id, node];
        }),
      ),
    ],
    [
      'metrics',
      lazy(() =>
        spec.metrics.map((m, i) => {
          const semanticModel = semanticByName.get(m.semanticModel);
          if (!semanticModel) {
            throw new Error(`Metric ${m.name} has no semantic model`);
          }
          const node = buildMetric(ctx, m, semanticModel, sourceOffset + i);
          return [node.unique_id, node];
        }),
      ),
    ],
    ['groups', {}],
    ['selectors', {}],
    ['disabled', {}],
    [
      'parent_map',
      lazy(() => getGraph().keys.map(id => [id, getGraph().parents.get(id)])),
    ],
    [
      'child_map',
      lazy(() => getGraph().keys.map(id => [id, getGraph().children.get(id)])),
    ],
    ['group_map', {}],
    ['saved_queries', {}],
    [
      'semantic_models',
      lazy(() =>
        spec.semanticModels.map((s, i) => {
          const node = buildSemanticModel(ctx, s, sourceOffset + i);
          return [node.unique_id, node];
        }),
      ),
    ],
    [
      'unit_tests',
      lazy(() =>
        spec.unitTests.map((u, i) => {
          const node = buildUnitTest(ctx, u, sourceOffset + i);
          return [node.unique_id, node];
        }),
      ),
    ],
  ]);
}

/**
 * parent_map and child_map from the same dependency rules the node builders
 * use, without building the nodes: keys in dbt's order (nodes, sources,
 * exposures, metrics, semantic models, saved queries, unit tests), values
 * sorted as dbt writes them.
 */
function dependencyGraph(ctx: ProjectContext) {
  const spec = ctx.spec;
  const edges: Array<[string, string[]]> = [];
  for (const model of spec.models) {
    edges.push([
      ctx.uniqueId({ kind: 'model', name: model.name }),
      modelDependencies(ctx, model).nodes,
    ]);
  }
  for (const seed of spec.seeds) {
    edges.push([ctx.uniqueId({ kind: 'seed', name: seed.name }), []]);
  }
  for (const test of spec.tests) {
    edges.push([
      genericTestNames(ctx, test).uniqueId,
      testDependencies(ctx, test).nodes,
    ]);
  }
  for (const source of spec.sources) {
    edges.push([
      ctx.uniqueId({
        kind: 'source',
        sourceName: source.sourceName,
        name: source.name,
      }),
      [],
    ]);
  }
  for (const exposure of spec.exposures) {
    edges.push([
      exposureId(ctx, exposure.name),
      exposureDependencies(ctx, exposure),
    ]);
  }
  for (const metric of spec.metrics) {
    edges.push([
      metricId(ctx, metric.name),
      [semanticModelId(ctx, metric.semanticModel)],
    ]);
  }
  for (const semanticModel of spec.semanticModels) {
    edges.push([
      semanticModelId(ctx, semanticModel.name),
      [ctx.uniqueId({ kind: 'model', name: semanticModel.model })],
    ]);
  }
  for (const unitTest of spec.unitTests) {
    edges.push([
      unitTestId(ctx, unitTest),
      [ctx.uniqueId({ kind: 'model', name: unitTest.model })],
    ]);
  }

  const keys = edges.map(([id]) => id);
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>(keys.map(id => [id, []]));
  for (const [id, deps] of edges) {
    parents.set(id, [...new Set(deps)].sort());
    for (const dep of new Set(deps)) {
      children.get(dep)?.push(id);
    }
  }
  for (const list of children.values()) list.sort();
  return { keys, parents, children };
}

function catalogOf(ctx: ProjectContext): LazyObject {
  const spec = ctx.spec;
  const generatedAt = new Date(Date.parse(spec.generatedAt) + 4_217)
    .toISOString()
    .replace('Z', '311Z');

  return lazy(() => [
    [
      'metadata',
      {
        dbt_schema_version: CATALOG_SCHEMA,
        dbt_version: spec.dbtVersion,
        generated_at: generatedAt,
        invocation_id: spec.invocationId,
        env: {},
      },
    ],
    [
      'nodes',
      lazy(function* buildCatalogNodes() {
        // The catalog lists relations sorted by unique_id, like dbt's.
        const entries: Array<[string, () => unknown]> = [
          ...spec.models.map((model): [string, () => unknown] => {
            const id = ctx.uniqueId({ kind: 'model', name: model.name });
            return [
              id,
              () =>
                buildCatalogEntry(
                  ctx,
                  id,
                  {
                    schema: model.schema,
                    name: model.name,
                    type: model.materialized === 'view' ? 'VIEW' : 'BASE TABLE',
                  },
                  model.columns,
                ),
            ];
          }),
          ...spec.seeds.map((seed): [string, () => unknown] => {
            const id = ctx.uniqueId({ kind: 'seed', name: seed.name });
            return [
              id,
              () =>
                buildCatalogEntry(
                  ctx,
                  id,
                  { schema: seed.schema, name: seed.name, type: 'BASE TABLE' },
                  seed.columns,
                ),
            ];
          }),
        ];
        entries.sort(([a], [b]) => compareIds(a, b));
        for (const [id, build] of entries) yield [id, build()];
      }),
    ],
    [
      'sources',
      lazy(function* buildSources() {
        const entries = spec.sources.map(source => ({
          source,
          id: ctx.uniqueId({
            kind: 'source',
            sourceName: source.sourceName,
            name: source.name,
          }),
        }));
        entries.sort((a, b) => compareIds(a.id, b.id));
        for (const { source, id } of entries) {
          yield [
            id,
            buildCatalogEntry(
              ctx,
              id,
              { schema: source.schema, name: source.name, type: 'BASE TABLE' },
              source.columns,
            ),
          ];
        }
      }),
    ],
    ['errors', null],
  ]);
}

/** Code-unit order, as Python sorts the catalog's keys (localeCompare would not). */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
