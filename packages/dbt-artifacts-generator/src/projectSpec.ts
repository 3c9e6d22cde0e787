/**
 * A dbt project described at the level a human would write it (models,
 * columns, YAML tests), from which the node builders derive every manifest
 * and catalog field. The demo is written by hand in this form; the scaled
 * projects are planned into it, so both share one set of builders.
 */

/** Something a ref, source() or test can point at. */
export type TargetRef =
  | { kind: 'model' | 'seed'; name: string }
  | { kind: 'source'; sourceName: string; name: string };

export interface ConstraintSpec {
  type: 'not_null' | 'unique' | 'primary_key' | 'foreign_key' | 'check';
  name?: string;
  expression?: string;
  /** foreign_key only: the referenced model and its columns. */
  to?: TargetRef;
  toColumns?: string[];
  /** Model-level constraints only. */
  columns?: string[];
}

export interface ColumnSpec {
  name: string;
  /** Warehouse type as the catalog reports it (e.g. `text`, `numeric`). */
  type: string;
  description: string;
  /** Declared `data_type` in YAML; contract-enforced models must declare all. */
  dataType?: string;
  constraints?: ConstraintSpec[];
  meta?: Record<string, unknown>;
  tags?: string[];
  /** SQL expression producing the column; defaults to the column name. */
  expr?: string;
}

export interface SourceTableSpec {
  sourceName: string;
  sourceDescription: string;
  name: string;
  schema: string;
  description: string;
  loader: string;
  /** Path from the project root of the YAML file declaring the source. */
  ymlPath: string;
  loadedAtField?: string;
  columns: ColumnSpec[];
}

export interface SeedSpec {
  name: string;
  schema: string;
  description: string;
  /** Path from the project root, e.g. `seeds/country_codes.csv`. */
  csvPath: string;
  columns: ColumnSpec[];
}

export interface JoinSpec {
  target: TargetRef;
  /** Column of the model's first input joined to the target's `targetColumn`. */
  column: string;
  targetColumn: string;
}

export interface ModelSpec {
  name: string;
  /** Folder under `models/`, e.g. `staging/shop`. */
  dir: string;
  /** File name, in the model's folder, of the YAML holding its properties and tests. */
  ymlFile: string;
  schema: string;
  materialized: 'view' | 'table' | 'incremental';
  uniqueKey?: string;
  description: string;
  columns: ColumnSpec[];
  /** Inputs in SQL order: the first is selected from, the rest joined. */
  from: TargetRef;
  joins?: JoinSpec[];
  /** Grouped aggregation of the first input, for marts that roll rows up. */
  groupBy?: string[];
  where?: string;
  /** Extra CTE blocks, only to make SQL as long as real projects' SQL. */
  sqlPadding?: number;
  contractEnforced?: boolean;
  /** Model-level constraints (e.g. a primary key); column ones live on columns. */
  constraints?: ConstraintSpec[];
  meta?: Record<string, unknown>;
  tags?: string[];
  access?: 'private' | 'protected' | 'public';
}

export type GenericTestSpec =
  | {
      test: 'not_null' | 'unique';
      on: TargetRef;
      column: string;
      meta?: Record<string, unknown>;
    }
  | {
      test: 'accepted_values';
      on: TargetRef;
      column: string;
      values: string[];
      meta?: Record<string, unknown>;
    }
  | {
      test: 'relationships';
      on: TargetRef;
      column: string;
      to: TargetRef;
      field: string;
      meta?: Record<string, unknown>;
    };

export interface SemanticModelSpec {
  name: string;
  model: string;
  description: string;
  aggTimeDimension?: string;
  primaryEntity?: string;
  entities: Array<{
    name: string;
    type: 'primary' | 'unique' | 'foreign' | 'natural';
    expr?: string;
    description?: string;
  }>;
  dimensions: Array<{
    name: string;
    type: 'categorical' | 'time';
    expr?: string;
    description?: string;
  }>;
  measures: Array<{
    name: string;
    agg: 'sum' | 'count' | 'count_distinct' | 'average' | 'max' | 'min';
    expr: string;
    description: string;
  }>;
}

export interface MetricSpec {
  name: string;
  label: string;
  description: string;
  measure: string;
  semanticModel: string;
}

export interface ExposureSpec {
  name: string;
  label: string;
  type: 'dashboard' | 'notebook' | 'analysis' | 'ml' | 'application';
  maturity: 'low' | 'medium' | 'high';
  url: string | null;
  description: string;
  owner: { name: string; email: string };
  /** E.g. `backstage_entity`, the catalog entity the exposure is. */
  meta?: Record<string, unknown>;
  dependsOn: TargetRef[];
  /** Path from the project root of the YAML file declaring it. */
  ymlPath: string;
}

export interface UnitTestSpec {
  name: string;
  model: string;
  description: string;
  given: Array<{ input: TargetRef; rows: Array<Record<string, unknown>> }>;
  expect: Array<Record<string, unknown>>;
}

export interface MacroSpec {
  packageName: string;
  name: string;
  /** Path inside the package, e.g. `macros/utils/cents_to_dollars.sql`. */
  path: string;
  sql: string;
  dependsOn: string[];
  description?: string;
}

export interface DocSpec {
  packageName: string;
  name: string;
  path: string;
  contents: string;
}

export interface ProjectSpec {
  name: string;
  database: string;
  /** The profile's target schema: where generic tests are said to run. */
  targetSchema: string;
  adapter: string;
  dbtVersion: string;
  /** ISO timestamp of the run; created_at values count up from here. */
  generatedAt: string;
  invocationId: string;
  /**
   * How contract foreign keys name their target: `ref` as written in YAML
   * (what parse-only manifests keep), or the resolved relation name (what
   * compiled manifests carry).
   */
  foreignKeyTo: 'ref' | 'relation';
  sources: SourceTableSpec[];
  seeds: SeedSpec[];
  models: ModelSpec[];
  tests: GenericTestSpec[];
  semanticModels: SemanticModelSpec[];
  metrics: MetricSpec[];
  exposures: ExposureSpec[];
  unitTests: UnitTestSpec[];
  /** A function so that scaled projects need not keep ~1,000 macro bodies around. */
  macros: () => Iterable<MacroSpec>;
  docs: DocSpec[];
  /**
   * Project macros that column expressions call as `{{ name(args) }}`, with
   * what they compile to; calls become `depends_on.macros` entries.
   */
  inlineMacros?: Record<string, (args: string[]) => string>;
}
