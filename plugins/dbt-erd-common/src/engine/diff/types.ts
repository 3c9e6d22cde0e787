import { Cardinality, ErdColumn, ErdEdge, ErdNode } from '../types';

/**
 * An edge as the diff reads it. `provenance` (test / semantic / contract /
 * inferred) is compared when an ERD carries it; older ERDs do not.
 */
export type DiffableEdge = ErdEdge & { provenance?: string };

/** Which run an ERD came from, as the caller names it. */
export interface ErdDiffSide {
  generated_at: string;
  dbt_project_name: string;
  /** e.g. the artifacts folder or `dbt Cloud run 42`; null when not given. */
  source: string | null;
}

/** Table fields compared between the two sides (columns are diffed apart). */
export type TableFields = Pick<
  ErdNode,
  | 'name'
  | 'label'
  | 'description'
  | 'resource_type'
  | 'schema_name'
  | 'database'
>;

/** Column fields compared between the two sides. */
export type ColumnFields = Pick<
  ErdColumn,
  'data_type' | 'description' | 'is_primary_key' | 'is_foreign_key'
>;

/** Relationship fields compared between the two sides of one identity. */
export interface RelationshipFields {
  cardinality: Cardinality;
  label: string | null;
  provenance?: string;
}

export interface ColumnChange {
  name: string;
  /** Only the fields that differ, base values. */
  from: Partial<ColumnFields>;
  /** Only the fields that differ, head values. */
  to: Partial<ColumnFields>;
}

export interface TableChange {
  id: string;
  /** Table-level fields that differ (schema, database, description...), base values. */
  from: Partial<TableFields>;
  to: Partial<TableFields>;
  columns: { added: string[]; removed: string[]; changed: ColumnChange[] };
}

/** The columns of one table that point at columns of another. */
export type RelationshipEnds = Pick<
  ErdEdge,
  'from_id' | 'to_id' | 'from_columns' | 'to_columns'
>;

/** The edge as in the ERD JSON, with its identity first. */
export type DiffEdge = { key: string } & DiffableEdge;

export type RemovedRelationshipReason =
  | 'table_removed'
  | 'column_removed'
  | 'test_removed';

export type ChangedRelationshipReason =
  | 'cardinality_changed'
  | 'provenance_changed'
  | 'label_changed';

export interface RelationshipWhy<Reason extends string> {
  reason: Reason;
  /** One short phrase for people, e.g. `test deleted`. */
  text: string;
}

export type RemovedRelationship = DiffEdge & {
  why: RelationshipWhy<RemovedRelationshipReason>;
};

export interface RelationshipChange extends RelationshipEnds {
  key: string;
  /** The head edge's id (a test name changes more often than the relationship). */
  id: string;
  from: Partial<RelationshipFields>;
  to: Partial<RelationshipFields>;
  why: RelationshipWhy<ChangedRelationshipReason>;
}

export interface AddedRemovedChanged {
  added: number;
  removed: number;
  changed: number;
}

export interface ErdDiffSummary {
  tables: AddedRemovedChanged;
  /** Columns of tables present on both sides. */
  columns: AddedRemovedChanged;
  relationships: AddedRemovedChanged;
}

/** What changed between two ERDs: the document of `erd-diff.json`. Every list is sorted. */
export interface ErdDiff {
  base: ErdDiffSide;
  head: ErdDiffSide;
  summary: ErdDiffSummary;
  tables: { added: string[]; removed: string[]; changed: TableChange[] };
  relationships: {
    added: DiffEdge[];
    removed: RemovedRelationship[];
    changed: RelationshipChange[];
  };
}
