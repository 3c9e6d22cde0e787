/**
 * The parsed form of a selection: dbt's node selection syntax, with
 * dbterd's rule types as more methods. See README "Selecting tables".
 */

/** One method:value term with its graph operators (`2+tag:x+`, `@orders`). */
export interface SelectionCriterion {
  kind: 'criterion';
  /** Lower-cased method; '' for a term without one (dbterd's unique_id prefix, or dbt's default). */
  method: string;
  /** As written (dbterd's own methods lower-case it when they compile). */
  value: string;
  /** The term as written, for error messages. */
  raw: string;
  /** Ancestors to add: 0 none, a depth, or Infinity. */
  parents: number;
  /** Descendants to add: 0 none, a depth, or Infinity. */
  children: number;
  /** `@`: the term, its descendants, and all their ancestors. */
  childrensParents: boolean;
}

export type SelectionExpression =
  | SelectionCriterion
  | { kind: 'union'; items: SelectionExpression[] }
  | { kind: 'intersection'; items: SelectionExpression[] }
  | {
      kind: 'difference';
      include: SelectionExpression;
      exclude: SelectionExpression;
    };
