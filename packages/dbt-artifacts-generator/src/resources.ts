import { refEntry, type ProjectContext } from './context';
import { sha256 } from './hashing';
import type {
  DocSpec,
  ExposureSpec,
  MacroSpec,
  UnitTestSpec,
} from './projectSpec';

/** Builders of the manifest's other sections: exposures, unit tests, macros, docs. */

export function exposureId(ctx: ProjectContext, name: string): string {
  return `exposure.${ctx.name}.${name}`;
}

export function exposureDependencies(ctx: ProjectContext, spec: ExposureSpec) {
  return spec.dependsOn.map(t => ctx.uniqueId(t));
}

export function buildExposure(
  ctx: ProjectContext,
  spec: ExposureSpec,
  position: number,
) {
  const project = ctx.name;
  const dir = spec.ymlPath.split('/').slice(1, -1);
  return {
    name: spec.name,
    resource_type: 'exposure',
    package_name: project,
    path: spec.ymlPath.replace(/^models\//, ''),
    original_file_path: spec.ymlPath,
    unique_id: exposureId(ctx, spec.name),
    fqn: [project, ...dir, spec.name],
    type: spec.type,
    owner: { email: spec.owner.email, name: spec.owner.name },
    description: spec.description,
    label: spec.label,
    maturity: spec.maturity,
    meta: spec.meta ?? {},
    tags: [],
    config: { enabled: true },
    unrendered_config: {},
    url: spec.url,
    depends_on: { macros: [], nodes: exposureDependencies(ctx, spec) },
    refs: spec.dependsOn
      .filter(t => t.kind !== 'source')
      .map(t => refEntry(t.name)),
    sources: spec.dependsOn.flatMap(t =>
      t.kind === 'source' ? [[t.sourceName, t.name]] : [],
    ),
    metrics: [],
    created_at: ctx.createdAt(position),
  };
}

export function unitTestId(ctx: ProjectContext, spec: UnitTestSpec): string {
  return `unit_test.${ctx.name}.${spec.model}.${spec.name}`;
}

export function buildUnitTest(
  ctx: ProjectContext,
  spec: UnitTestSpec,
  position: number,
) {
  const project = ctx.name;
  const model = ctx.modelSpec(spec.model);
  const ymlPath = `models/${model.dir}/${model.ymlFile}`;
  return {
    model: spec.model,
    given: spec.given.map(g => ({
      input: ctx.refCall(g.input),
      rows: g.rows,
      format: 'dict',
      fixture: null,
    })),
    expect: { rows: spec.expect, format: 'dict', fixture: null },
    name: spec.name,
    resource_type: 'unit_test',
    package_name: project,
    path: `${model.dir}/${model.ymlFile}`,
    original_file_path: ymlPath,
    unique_id: unitTestId(ctx, spec),
    fqn: [project, ...model.dir.split('/'), spec.model, spec.name],
    description: spec.description,
    overrides: null,
    depends_on: {
      macros: [],
      nodes: [ctx.uniqueId({ kind: 'model', name: spec.model })],
    },
    config: { tags: [], meta: {} },
    checksum: sha256(JSON.stringify([spec.given, spec.expect])),
    schema: model.schema,
    created_at: ctx.createdAt(position),
    versions: null,
    version: null,
  };
}

export function buildMacro(
  ctx: ProjectContext,
  spec: MacroSpec,
  position: number,
) {
  return {
    name: spec.name,
    resource_type: 'macro',
    package_name: spec.packageName,
    path: spec.path,
    original_file_path: spec.path,
    unique_id: `macro.${spec.packageName}.${spec.name}`,
    macro_sql: spec.sql,
    depends_on: { macros: spec.dependsOn },
    description: spec.description ?? '',
    meta: {},
    docs: { show: true, node_color: null },
    patch_path: spec.description
      ? `${spec.packageName}://${spec.path.replace(/\.sql$/, '.yml')}`
      : null,
    arguments: [],
    // Macros are parsed first, so they carry the earliest timestamps.
    created_at: ctx.createdAt(position - 5000),
    supported_languages: null,
  };
}

export function buildDoc(spec: DocSpec) {
  return {
    name: spec.name,
    resource_type: 'doc',
    package_name: spec.packageName,
    path: spec.path.replace(/^(docs|models)\//, ''),
    original_file_path: spec.path,
    unique_id: `doc.${spec.packageName}.${spec.name}`,
    block_contents: spec.contents,
  };
}
