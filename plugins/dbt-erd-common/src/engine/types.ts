/**
 * The canonical ERD model. Its shape is dbterd's `json` target document
 * (nodes / edges / groups / metadata) so that `toJson` is a plain
 * serialisation; every other target renders from this model alone.
 */

/** Relationship cardinality, read from the FK side: `n1` = many FK rows to one PK row. */
export type Cardinality = 'n1' | '1n' | '11' | '01' | '0n' | 'nn';

export interface ErdColumn {
  name: string;
  data_type: string;
  /** `null` when dbt has no description (dbterd's JSON writes null, not ""). */
  description: string | null;
  is_primary_key: boolean;
  is_foreign_key: boolean;
}

export interface ErdNode {
  /** dbt unique_id, e.g. `model.jaffle_shop.orders`. */
  id: string;
  /** Entity name after `entityNameFormat`; what the diagrams print. */
  name: string;
  /** `meta.label` of the dbt node, if any. */
  label: string | null;
  description: string | null;
  resource_type: string;
  /** Lower-cased, as dbterd prints it. */
  schema_name: string;
  /** Lower-cased, as dbterd prints it. */
  database: string;
  columns: ErdColumn[];
  compiled_sql: string | null;
}

/** Which kind of evidence an edge comes from, when algorithms are combined. */
export type EdgeProvenance = 'test' | 'semantic' | 'contract' | 'inferred';

export type EdgeConfidence = 'high' | 'medium' | 'low';

export interface ErdEdge {
  id: string;
  /** Node id of the referencing (FK) side. */
  from_id: string;
  /** Node id of the referenced (PK) side. */
  to_id: string;
  from_columns: string[];
  to_columns: string[];
  relationship_type: 'fk';
  name: string;
  label: string | null;
  cardinality: Cardinality;
  /**
   * Absent in single-algorithm dbterd output (so it stays byte-identical);
   * set on every edge when algorithms are combined or `inferred` is used.
   */
  provenance?: EdgeProvenance;
  /** Inferred edges: why (`join in model.x.y: o.customer_id = c.customer_id`, `name match`...). */
  evidence?: string[];
  confidence?: EdgeConfidence;
}

export interface ErdGroup {
  name: string;
  node_ids: string[];
}

export interface ErdMetadata {
  generated_at: string;
  dbt_project_name: string;
  dbterd_version: string;
}

/** What the engine knows about a node beyond dbterd's JSON document. */
export interface ErdNodeDetails {
  packageName: string;
  /** `database.schema.identifier` as dbt renders it, when the manifest has it. */
  relationName: string | null;
  /** Names of the dbt exposures that depend on this node. */
  exposures: string[];
  /** Exposures (of `exposures`) that name a Backstage entity; `via` is the exposure's name. Absent when none. */
  exposureEntities?: ErdCatalogLink[];
  /** Catalog entities that own the node (its dbt `group`, `meta.owner`). Absent when none. */
  owners?: ErdCatalogLink[];
}

/** A link from a table to a Backstage catalog entity. */
export interface ErdCatalogLink {
  /** `kind:namespace/name`. */
  entityRef: string;
  /** What named it: an exposure's name, `dbt group` or `meta.owner`. */
  via: string;
}

/**
 * A key the project states for a table. `primary`: a `primary_key`
 * constraint or a column tested both `unique` and `not_null`; `unique`: a
 * `unique` constraint or test alone, or a `unique_combination_of_columns`
 * test (composite when it has several columns).
 */
export interface ErdTableKey {
  /** Lower-cased column names; more than one for a composite key. */
  columns: string[];
  kind: 'primary' | 'unique';
  /** Where it was stated: a contract constraint, dbt tests, or dbt_utils' combination test. */
  source: 'constraint' | 'test' | 'combination_test';
}

/** What the `inferred` algorithm read, for headers and benchmarks. */
export interface ErdInferenceSummary {
  /** Models whose SQL node-sql-parser read. */
  parsedModels: number;
  /** Models read by the tokenizer fallback (parser failed, SQL too long, Jinja left in). */
  tokenizedModels: number;
  /** Models with no SQL or no join. */
  skippedModels: number;
  /** Relationships found, low confidence included, before the per-table cap. */
  candidates: number;
}

/** Engine-only facts; never serialised by `toJson`. */
export interface ErdExtras {
  /** The `entityGroup` option the groups were built from (DBML prints it). */
  entityGroup?: string;
  nodeDetails: Record<string, ErdNodeDetails>;
  /** Keys by node id, for drawn nodes that state any (see ErdTableKey). */
  keys?: Record<string, ErdTableKey[]>;
  /** Set when the `inferred` algorithm ran. */
  inference?: ErdInferenceSummary;
}

export interface Erd {
  nodes: ErdNode[];
  edges: ErdEdge[];
  groups?: ErdGroup[];
  metadata: ErdMetadata;
  extras?: ErdExtras;
}

/** How to read the artifacts into an ERD; dbterd's CLI options. */
export interface ErdOptions {
  /** `test_relationship` (optionally with a rule), `semantic` or `model_contract`. */
  algo: string;
  /** OR-ed selection rules; commas inside one rule AND its parts. */
  select: string[];
  /**
   * Further selections every drawn table must pass as well, each OR-ed like
   * `select` (so `select` AND each of these). dbterd has no such flag: this is
   * how the backend narrows an entity's annotated selection with a request's
   * without ever widening it.
   */
  narrowSelect?: string[][];
  exclude: string[];
  /** Resource types to draw; an empty list draws every type. */
  resourceTypes: string[];
  /** Dot-separated parts of resource, package, model, database, schema, table. */
  entityNameFormat: string;
  /** Dot-separated node attributes to group by, e.g. `database.schema`. */
  entityGroup?: string;
}

export interface ErdBuildResult {
  erd: Erd;
  /** Human-readable notes about the input (missing catalog, version guesses...). */
  warnings: string[];
}

/** Options some targets honour; others ignore them. */
export interface RenderOptions {
  /** mermaid: draw entities without their columns. */
  omitColumns?: boolean;
  /** dbml: print entity names without double quotes. */
  omitEntityNameQuotes?: boolean;
  /** drawdb: document title (dbterd uses the output file name when given). */
  title?: string;
  /** drawdb: the `date` field; defaults to the manifest's generated_at. */
  date?: string;
  /** json: version pinned in `$schema` and `metadata.dbterd_version`. */
  dbterdVersion?: string;
}
