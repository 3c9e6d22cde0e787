import { fnmatch } from './fnmatch';
import { SelectableTable } from './selectableTable';

/**
 * dbterd's selection rule types. The rule value arrives lower-cased (dbterd
 * lower-cases the whole rule), and an empty value selects everything.
 */
export const SELECTION_RULES: Record<
  string,
  (table: SelectableTable, value: string) => boolean
> = {
  /** Plain text: the unique_id starts with it. */
  name: (table, value) => table.uniqueId.startsWith(value),
  exact: (table, value) => table.uniqueId.toLowerCase() === value,
  /** `schema` or `database.schema`, prefix match on `database.schema`. */
  schema: (table, value) => {
    const parts = value.split('.');
    const schema = parts[parts.length - 1];
    const database = parts.length > 1 ? parts[0] : table.database;
    return `${table.database}.${table.schema}`.startsWith(
      `${database}.${schema}`,
    );
  },
  wildcard: (table, value) => fnmatch(table.uniqueId, value),
  exposure: (table, value) => table.exposures.includes(value),
};

export interface ParsedRulePart {
  type: string;
  value: string;
}

/** `schema:Public` -> {type: 'schema', value: 'public'}; plain text is a `name` rule. */
export function parseRulePart(part: string): ParsedRulePart {
  const pieces = part.toLowerCase().split(':');
  return pieces.length > 1
    ? { type: pieces[0], value: pieces[1] }
    : { type: 'name', value: pieces[0] };
}
