import { refEntry, type ProjectContext } from './context';
import { md5 } from './hashing';
import type { GenericTestSpec, TargetRef } from './projectSpec';

/** Builders of generic (YAML) test nodes, named and hashed the way dbt does. */

/** dbt truncates test names this long and appends an md5, for file names and aliases. */
const MAX_TEST_NAME = 64;

function kwargsOf(ctx: ProjectContext, test: GenericTestSpec) {
  const model = `{{ get_where_subquery(${ctx.refCall(test.on)}) }}`;
  switch (test.test) {
    case 'relationships':
      return {
        to: ctx.refCall(test.to),
        field: test.field,
        column_name: test.column,
        model,
      };
    case 'accepted_values':
      return { values: test.values, column_name: test.column, model };
    default:
      return { column_name: test.column, model };
  }
}

/**
 * dbt's `synthesize_generic_test_names`: the macro name, the tested
 * relation and the sorted kwargs (minus `model`) flattened into one
 * identifier; the short name doubles as alias and file name.
 */
export function genericTestNames(ctx: ProjectContext, test: GenericTestSpec) {
  const kwargs: Record<string, unknown> = kwargsOf(ctx, test);
  const flat = Object.keys(kwargs)
    .filter(k => k !== 'model')
    .sort()
    .flatMap(k => {
      const v = kwargs[k];
      return Array.isArray(v) ? v.map(String) : [String(v)];
    })
    .map(part => part.replace(/[^0-9a-zA-Z_]+/g, '_'));
  const prefix = test.on.kind === 'source' ? 'source_' : '';
  const testedName =
    test.on.kind === 'source'
      ? `${test.on.sourceName}_${test.on.name}`
      : test.on.name;
  const identifier = `${prefix}${test.test}_${testedName}`;
  const fullName = `${identifier}_${flat.join('__')}`;
  const shortName =
    fullName.length >= MAX_TEST_NAME
      ? `${identifier.slice(0, 30)}_${md5(fullName)}`
      : fullName;
  const hash = md5(fullName + JSON.stringify(kwargs)).slice(-10);
  return {
    name: fullName,
    alias: shortName,
    uniqueId: `test.${ctx.name}.${fullName}.${hash}`,
    kwargs,
  };
}

/**
 * What a test reads, in the order dbt records it: the kwargs are rendered
 * `to` first, so a relationships test lists the referenced (parent) node
 * before the tested one.
 */
export function testDependencies(ctx: ProjectContext, test: GenericTestSpec) {
  const targets: TargetRef[] =
    test.test === 'relationships' ? [test.to, test.on] : [test.on];
  const refs = targets.filter(t => t.kind !== 'source');
  const sources = targets.filter(t => t.kind === 'source');
  const nodes = [...new Set(targets.map(t => ctx.uniqueId(t)))];
  return { refs, sources, nodes };
}

/** The test's YAML file and its `file_key_name` (`models.x` / `sources.y`). */
export function testLocation(ctx: ProjectContext, test: GenericTestSpec) {
  const on = test.on;
  if (on.kind === 'source') {
    return {
      ymlPath: ctx.sourceSpec(on.sourceName, on.name).ymlPath,
      fileKey: `sources.${on.sourceName}`,
    };
  }
  if (on.kind === 'seed') {
    return { ymlPath: 'seeds/_seeds.yml', fileKey: `seeds.${on.name}` };
  }
  const model = ctx.modelSpec(on.name);
  return {
    ymlPath: `models/${model.dir}/${model.ymlFile}`,
    fileKey: `models.${on.name}`,
  };
}

function compiledTestSql(ctx: ProjectContext, test: GenericTestSpec): string {
  const relation = ctx.relationName(test.on);
  const column = test.column;
  // Whitespace mirrors what dbt's test macros leave behind after rendering.
  const head = '\n    \n    \n\n';
  switch (test.test) {
    case 'not_null':
      return `${head}\n\nselect ${column}\nfrom ${relation}\nwhere ${column} is null\n\n\n`;
    case 'unique':
      return `${head}select\n    ${column} as unique_field,\n    count(*) as n_records\n\nfrom ${relation}\nwhere ${column} is not null\ngroup by ${column}\nhaving count(*) > 1\n\n\n`;
    case 'accepted_values':
      return `${head}with all_values as (\n\n    select\n        ${column} as value_field,\n        count(*) as n_records\n\n    from ${relation}\n    group by ${column}\n\n)\n\nselect *\nfrom all_values\nwhere value_field not in (\n    ${test.values
        .map(v => `'${v}'`)
        .join(',')}\n)\n\n\n`;
    case 'relationships':
      return `${head}with child as (\n    select ${column} as from_field\n    from ${relation}\n    where ${column} is not null\n),\n\nparent as (\n    select ${
        test.field
      } as to_field\n    from ${ctx.relationName(
        test.to,
      )}\n)\n\nselect\n    from_field\n\nfrom child\nleft join parent\n    on child.from_field = parent.to_field\n\nwhere parent.to_field is null\n\n\n`;
    default:
      return '';
  }
}

function pythonDict(meta: Record<string, unknown>): string {
  return `{${Object.entries(meta)
    .map(([k, v]) => `'${k}': ${typeof v === 'string' ? `'${v}'` : String(v)}`)
    .join(', ')}}`;
}

export function buildTestNode(
  ctx: ProjectContext,
  test: GenericTestSpec,
  position: number,
) {
  const project = ctx.name;
  const names = genericTestNames(ctx, test);
  const deps = testDependencies(ctx, test);
  const location = testLocation(ctx, test);
  const truncated = names.alias !== names.name;
  const meta = test.meta ?? {};
  const hasMeta = Object.keys(meta).length > 0;

  const configCalls: string[] = [];
  if (hasMeta) configCalls.push(`meta=${pythonDict(meta)}`);
  if (truncated) configCalls.push(`alias="${names.alias}"`);
  const rawCode = `{{ test_${test.test}(**_dbt_generic_test_kwargs) }}${
    configCalls.length ? `{{ config(${configCalls.join(',')}) }}` : ''
  }`;
  const unrenderedConfig: Record<string, unknown> = {};
  if (hasMeta) unrenderedConfig.meta = meta;
  if (truncated) unrenderedConfig.alias = names.alias;
  const dir = location.ymlPath.split('/').slice(1, -1);

  return {
    database: ctx.spec.database,
    schema: ctx.spec.targetSchema,
    name: names.name,
    resource_type: 'test',
    package_name: project,
    path: `${names.alias}.sql`,
    original_file_path: location.ymlPath,
    unique_id: names.uniqueId,
    fqn: [project, ...dir, names.name],
    alias: names.alias,
    checksum: { name: 'none', checksum: '' },
    config: {
      enabled: true,
      alias: truncated ? names.alias : null,
      schema: 'dbt_test__audit',
      database: null,
      tags: [],
      meta,
      group: null,
      materialized: 'test',
      severity: 'ERROR',
      store_failures: null,
      store_failures_as: null,
      where: null,
      limit: null,
      fail_calc: 'count(*)',
      warn_if: '!= 0',
      error_if: '!= 0',
    },
    tags: [],
    description: '',
    columns: {},
    meta,
    group: null,
    docs: { show: true, node_color: null },
    patch_path: null,
    build_path: null,
    unrendered_config: unrenderedConfig,
    created_at: ctx.createdAt(position),
    relation_name: null,
    raw_code: rawCode,
    language: 'sql',
    refs: deps.refs.map(t => refEntry(t.name)),
    sources: deps.sources.map(t => [
      t.kind === 'source' ? t.sourceName : '',
      t.name,
    ]),
    metrics: [],
    depends_on: {
      macros: [`macro.dbt.test_${test.test}`, 'macro.dbt.get_where_subquery'],
      nodes: deps.nodes,
    },
    compiled_path: `target/compiled/${project}/${location.ymlPath}/${names.alias}.sql`,
    compiled: true,
    compiled_code: compiledTestSql(ctx, test),
    extra_ctes_injected: true,
    extra_ctes: [],
    contract: { enforced: false, alias_types: true, checksum: null },
    column_name: test.column,
    file_key_name: location.fileKey,
    // dbt attaches generic tests to models, seeds and snapshots, not sources.
    attached_node: test.on.kind === 'source' ? null : ctx.uniqueId(test.on),
    test_metadata: {
      name: test.test,
      kwargs: names.kwargs,
      namespace: null,
    },
  };
}
