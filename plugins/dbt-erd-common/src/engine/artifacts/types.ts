/**
 * The slim index: the only view of dbt artifacts that algorithms and targets
 * may read. It keeps the few fields an ERD needs so that a streaming parser
 * can later fill it straight from the bytes of a very large manifest.
 */

export type IndexedResourceType = 'model' | 'seed' | 'snapshot' | 'source';

export interface IndexedColumn {
  /** Lower-cased, unquoted. */
  name: string;
  /** Lower-cased; `unknown` when neither catalog nor manifest knows it. */
  dataType: string;
  description: string;
}

/** A dbt contract constraint, model-level or attached to one column. */
export interface IndexedConstraint {
  level: 'model' | 'column';
  /** The manifest column key (unquoted) for column-level constraints. */
  column: string | null;
  type: string;
  name: string | null;
  /** `to` of a foreign_key: a relation name or an unrendered `ref(...)`. */
  to: string | null;
  toColumns: string[];
  columns: string[];
  /** `meta.relationship_type` of the column holding the constraint. */
  columnRelationshipType: string | null;
}

/** The node `meta` keys the algorithms and targets read. */
export interface IndexedNodeMeta {
  label: string | null;
  relationshipLabel: string | null;
  relationshipLabels: Record<string, string>;
  relationshipTypes: Record<string, string>;
  /** `meta.owner` when it is a string (a team name, an entity ref or an e-mail). */
  owner?: string | null;
}

/** The SQL a model was written in, for algorithms that read it (`inferred`). */
export interface IndexedModelSql {
  /** `compiled_code`/`compiled_sql` when dbt compiled the model, else `raw_code`/`raw_sql` (Jinja left in). */
  code: string;
  compiled: boolean;
}

export interface IndexedNode {
  uniqueId: string;
  resourceType: IndexedResourceType;
  packageName: string;
  name: string;
  /** As written by dbt (not lower-cased). */
  database: string;
  schema: string;
  /** `identifier` for sources, `alias` otherwise. */
  tableName: string;
  relationName: string | null;
  description: string;
  compiledSql: string | null;
  /**
   * Models and snapshots only. Null when the streaming reader was not asked
   * for SQL (only algorithms with `readsModelSql` get it).
   */
  modelSql: IndexedModelSql | null;
  /** `depends_on.nodes`: the lineage graph operators (`+model`, `@model`) walk. */
  dependsOn: string[];
  /** `tags`, config tags included (dbt writes them merged). */
  tags: string[];
  /** `fqn` (package, folders, name); empty when the manifest has none. */
  fqn: string[];
  /** `original_file_path`, e.g. `models/staging/stg_orders.sql`; '' when absent. */
  originalFilePath: string;
  /** `group` (or `config.group`); null when the node is in none. */
  group: string | null;
  /** `access` of a model (`private`, `protected`, `public`); null when not stated. */
  access: string | null;
  /**
   * The node's config for `config.<key>:` selection: scalars and string
   * lists by dotted key (`materialized`, `contract.enforced`), booleans and
   * numbers as text; nulls, empty values and `meta` left out to keep the
   * index small.
   */
  config: Record<string, string | string[]>;
  /** Catalog columns first, then manifest-only columns. */
  columns: IndexedColumn[];
  exposures: string[];
  meta: IndexedNodeMeta;
  constraints: IndexedConstraint[];
}

export type TestKwargValue = string | number | boolean | string[] | null;

export interface IndexedTest {
  uniqueId: string;
  dependsOn: string[];
  attachedNode: string | null;
  kwargs: Record<string, TestKwargValue>;
  /** Raw `meta.relationship_type`, `meta.relationship_label`, `meta.ignore_in_erd`. */
  relationshipType: string | null;
  relationshipLabel: string | null;
  ignoreInErd: unknown;
  /** `test_metadata.name` (`unique`, `not_null`, `unique_combination_of_columns`...). */
  testName: string | null;
  /** `test_metadata.namespace` (`dbt_utils`...), null for dbt's own tests. */
  testNamespace: string | null;
}

export interface IndexedSemanticEntity {
  name: string;
  type: string;
  expr: string | null;
}

export interface IndexedSemanticModel {
  uniqueId: string;
  dependsOn: string[];
  entities: IndexedSemanticEntity[];
  primaryEntity: string | null;
  relationshipType: string | null;
}

export interface ArtifactIndex {
  /** Manifest schema version number, e.g. 12 or 20; null when not stated. */
  manifestVersion: number | null;
  generatedAt: string;
  projectName: string;
  /** `metadata.adapter_type` (`snowflake`, `bigquery`...); null when not stated. */
  adapterType: string | null;
  /** Models, seeds and snapshots in manifest order, then sources. */
  nodes: IndexedNode[];
  tests: IndexedTest[];
  /** Absent when the manifest predates semantic models. */
  semanticModels?: IndexedSemanticModel[];
  /**
   * The manifest's `selectors` (from selectors.yml) by name: each one's
   * `definition` as dbt wrote it, read when a rule says `selector:<name>`.
   * Absent when the manifest defines none.
   */
  selectors?: Record<string, unknown>;
  /** Exposure name → the Backstage entity it names (see catalog/catalogLinks); absent when none does. */
  exposureEntities?: Record<string, string>;
  warnings: string[];
}
