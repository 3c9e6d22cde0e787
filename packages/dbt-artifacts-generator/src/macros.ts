import type { MacroSpec } from './projectSpec';
import { Random } from './random';

/**
 * Macro sections as real projects have them: every test macro the nodes
 * call, the project's own macros, and (for scaled projects) several hundred
 * package macros, which are most of a small manifest's bytes.
 */

const GENERIC_TESTS = [
  'not_null',
  'unique',
  'accepted_values',
  'relationships',
];
const TEST_ARGS: Record<string, string> = {
  relationships: 'model, column_name, to, field',
  accepted_values: 'model, column_name, values, quote=True',
};

/** The dbt macros every generated test node lists in `depends_on.macros`. */
export function coreDbtMacros(): MacroSpec[] {
  const macros: MacroSpec[] = [
    {
      packageName: 'dbt',
      name: 'get_where_subquery',
      path: 'macros/materializations/tests/where_subquery.sql',
      sql: "{% macro get_where_subquery(relation) -%}\n    {% do return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) %}\n{%- endmacro %}",
      dependsOn: ['macro.dbt.default__get_where_subquery'],
    },
    {
      packageName: 'dbt',
      name: 'default__get_where_subquery',
      path: 'macros/materializations/tests/where_subquery.sql',
      sql: "{% macro default__get_where_subquery(relation) -%}\n    {% set where = config.get('where', '') %}\n    {% if where %}\n        {%- set filtered -%}\n            (select * from {{ relation }} where {{ where }}) dbt_subquery\n        {%- endset -%}\n        {% do return(filtered) %}\n    {%- else -%}\n        {% do return(relation) %}\n    {%- endif -%}\n{%- endmacro %}",
      dependsOn: [],
    },
  ];
  for (const test of GENERIC_TESTS) {
    const args = TEST_ARGS[test] ?? 'model, column_name';
    macros.push(
      {
        packageName: 'dbt',
        name: `test_${test}`,
        path: 'tests/generic/builtin.sql',
        sql: `{% test ${test}(${args}) %}\n    {% set macro = adapter.dispatch('test_${test}', 'dbt') %}\n    {{ macro(${args.replace(
          '=True',
          '',
        )}) }}\n{% endtest %}`,
        dependsOn: [`macro.dbt.default__test_${test}`],
      },
      {
        packageName: 'dbt',
        name: `default__test_${test}`,
        path: `macros/generic_test_sql/${test}.sql`,
        sql: `{% macro default__test_${test}(${args}) %}\n\n{# the SQL of the ${test.replace(
          '_',
          ' ',
        )} check; see compiled_code of any ${test} test node #}\nselect *\nfrom {{ model }}\nwhere {{ column_name }} is null\n\n{% endmacro %}`,
        dependsOn: [],
      },
    );
  }
  return macros;
}

/** Macros a project writes for itself; `cents_to_dollars` is called from model SQL. */
export function projectMacros(project: string): MacroSpec[] {
  return [
    {
      packageName: project,
      name: 'cents_to_dollars',
      path: 'macros/cents_to_dollars.sql',
      sql: "{% macro cents_to_dollars(column_name) -%}\n    {{ return(adapter.dispatch('cents_to_dollars')(column_name)) }}\n{%- endmacro %}",
      dependsOn: [`macro.${project}.default__cents_to_dollars`],
      description:
        'Converts an integer amount of cents into a numeric amount of dollars with two decimals.',
    },
    {
      packageName: project,
      name: 'default__cents_to_dollars',
      path: 'macros/cents_to_dollars.sql',
      sql: '{% macro default__cents_to_dollars(column_name) -%}\n    ({{ column_name }} / 100)::numeric(16, 2)\n{%- endmacro %}',
      dependsOn: [],
    },
    {
      packageName: project,
      name: 'generate_schema_name',
      path: 'macros/generate_schema_name.sql',
      sql: '{% macro generate_schema_name(custom_schema_name, node) -%}\n    {#- Models land in the schema their folder configures, in every target. -#}\n    {%- if custom_schema_name is none -%}\n        {{ target.schema }}\n    {%- else -%}\n        {{ custom_schema_name | trim }}\n    {%- endif -%}\n{%- endmacro %}',
      dependsOn: [],
      description:
        'Uses the configured schema name as is, without the target schema prefix.',
    },
  ];
}

const PACKAGES: Array<[string, number]> = [
  ['dbt', 0.38],
  ['dbt_postgres', 0.06],
  ['dbt_utils', 0.14],
  ['dbt_date', 0.14],
  ['dbt_expectations', 0.18],
  ['audit_helper', 0.05],
  ['codegen', 0.05],
];
const VERBS = [
  'get',
  'generate',
  'render',
  'build',
  'create',
  'drop',
  'alter',
  'check',
  'validate',
  'format',
  'parse',
  'list',
  'rename',
  'truncate',
  'snapshot',
  'compare',
  'expect',
  'load',
  'persist',
  'apply',
  'cast',
  'convert',
];
const NOUNS = [
  'relation',
  'columns',
  'schema',
  'table',
  'view',
  'incremental_predicates',
  'merge_sql',
  'delete_insert_sql',
  'grants',
  'column_values',
  'date_spine',
  'fiscal_periods',
  'week_start',
  'row_count',
  'surrogate_key',
  'union_relations',
  'pivot',
  'unpivot',
  'star',
  'safe_divide',
  'table_comment',
  'column_comment',
  'materialized_view',
  'catalog',
  'constraints',
  'contract',
  'timestamps',
  'test_sql',
  'seed_rows',
  'batch',
  'partition_by',
  'cluster_by',
  'indexes',
];
const BODY_LINES = [
  '    {%- set relation = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}',
  '    {%- if execute and relation is not none -%}',
  '    {%- endif -%}',
  '    {%- set columns = adapter.get_columns_in_relation(relation) -%}',
  '    {%- for column in columns %}',
  '        {{ adapter.quote(column.name) }}{{ "," if not loop.last }}',
  '    {%- endfor %}',
  '    {{ exceptions.raise_compiler_error("Expected a relation, got " ~ relation) }}',
  "    {%- set sql_header = config.get('sql_header', none) -%}",
  '    {{ sql_header if sql_header is not none }}',
  '    select count(*) as row_count from {{ relation }}',
  '    {%- set predicates = [] if predicates is none else predicates -%}',
  '    {% do predicates.append("DBT_INTERNAL_DEST." ~ unique_key ~ " = DBT_INTERNAL_SOURCE." ~ unique_key) %}',
  "    {{ return(load_result('main')['table'].columns[0].values()) }}",
  '    cast({{ expression }} as {{ api.Column.translate_type(data_type) }})',
];

/**
 * `count` package macros with plausible names and bodies: dispatching
 * wrappers with their `default__` / `postgres__` implementations.
 */
export function packageMacros(count: number, seed: number): MacroSpec[] {
  const random = new Random(seed ^ 0x5bd1e995);
  const used = new Set<string>();
  const macros: MacroSpec[] = [];
  while (macros.length < count) {
    let roll = random.next();
    let packageName = PACKAGES[0][0];
    for (const [name, share] of PACKAGES) {
      if (roll < share) {
        packageName = name;
        break;
      }
      roll -= share;
    }
    let base = `${random.pick(VERBS)}_${random.pick(NOUNS)}`;
    for (let n = 2; used.has(`${packageName}.${base}`); n++) {
      base = `${base.replace(/_v\d+$/, '')}_v${n}`;
    }
    used.add(`${packageName}.${base}`);
    const dir =
      packageName === 'dbt' ? `macros/${random.pick(NOUNS)}` : 'macros';
    const path = `${dir}/${base}.sql`;
    const args = random
      .sample(
        [
          'relation',
          'column_name',
          'expression',
          'data_type',
          'unique_key',
          'predicates',
        ],
        random.int(1, 3),
      )
      .join(', ');
    const impl =
      packageName === 'dbt_postgres' ? `postgres__${base}` : `default__${base}`;
    macros.push({
      packageName,
      name: base,
      path,
      sql: `{% macro ${base}(${args}) -%}\n    {{ return(adapter.dispatch('${base}', '${packageName}')(${args})) }}\n{%- endmacro %}`,
      dependsOn: [`macro.${packageName}.${impl}`],
    });
    if (macros.length >= count) break;
    const lines = Array.from({ length: random.int(8, 18) }, () =>
      random.pick(BODY_LINES),
    );
    macros.push({
      packageName,
      name: impl,
      path,
      sql: `{% macro ${impl}(${args}) -%}\n${lines.join(
        '\n',
      )}\n{%- endmacro %}`,
      dependsOn: [],
    });
  }
  return macros;
}
