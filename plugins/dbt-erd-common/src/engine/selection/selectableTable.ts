/** The facts about a table that selection rules look at. */
export interface SelectableTable {
  uniqueId: string;
  resourceType: string;
  /** Lower-cased. */
  database: string;
  /** Lower-cased. */
  schema: string;
  exposures: string[];
}
