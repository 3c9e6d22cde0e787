import { compileFnmatch } from './fnmatch';
import { SelectableTable } from './selectableTable';

/** A rule part made ready to test tables: parsed once per build, not per node. */
export type TableTest = (table: SelectableTable) => boolean;

/**
 * dbterd's selection rule types. The rule value arrives lower-cased (dbterd
 * lower-cases the whole rule), and an empty value selects everything.
 */
export const SELECTION_RULES: Record<string, (value: string) => TableTest> = {
  /** Plain text: the unique_id starts with it. */
  name: value => table => table.uniqueId.startsWith(value),
  exact: value => table => table.uniqueId.toLowerCase() === value,
  /** `schema` or `database.schema`, prefix match on `database.schema`. */
  schema: value => {
    const parts = value.split('.');
    const schema = parts[parts.length - 1];
    const database = parts.length > 1 ? parts[0] : undefined;
    return table =>
      `${table.database}.${table.schema}`.startsWith(
        `${database ?? table.database}.${schema}`,
      );
  },
  wildcard: value => {
    const matches = compileFnmatch(value);
    return table => matches(table.uniqueId);
  },
  exposure: value => table => table.exposures.includes(value),
};
