import { Cardinality } from '../types';

/** One join of a path, written in path order: `from` is the table already joined. */
export interface JoinStep {
  from_id: string;
  from_columns: string[];
  to_id: string;
  to_columns: string[];
  /** The ERD edge the join follows (its FK side may be either end). */
  edge_id: string;
  cardinality: Cardinality;
  /** The relationship was inferred rather than declared in dbt. */
  inferred: boolean;
}

export type JoinPath =
  | {
      found: true;
      /** Table ids from `from` to `to`. */
      path: string[];
      joins: JoinStep[];
      /** A select joining the path in dbt terms (`ref()` / `source()`). */
      sql: string;
    }
  | {
      found: false;
      path: [];
      joins: [];
      /** Table ids connected to `from` (itself included), to show why there is no path. */
      fromComponent: string[];
      /** Table ids connected to `to` (itself included). */
      toComponent: string[];
    };
