import { FoundRelationship } from '../algorithms/types';
import { ArtifactIndex, IndexedNode } from '../artifacts/types';
import { resolveErdOptions } from '../options';
import { compileSelection } from '../selection/isSelected';
import {
  ErdColumn,
  ErdInferenceSummary,
  ErdNode,
  ErdOptions,
  ErdTableKey,
} from '../types';
import { ColumnStrings, ProjectFacts, UNKNOWN_COLUMN } from './ProjectFacts';

export { UNKNOWN_COLUMN };

/**
 * One drawn table of a view, as a few facts about its index node rather
 * than finished column objects: its columns are the node's own (or dbterd's
 * `unknown`), then `addedColumns`, flagged by `columnFlags`. Both outputs (the canonical ERD and the tab's payload)
 * are written from it, so neither pays for the other's objects.
 */
export interface DrawnTable {
  /** The index node drawn (shared with every view: never change it). */
  node: IndexedNode;
  /** The node's position in the index. */
  at: number;
  /** Its entity name in the view's name format. */
  name: string;
  /** Lower-cased, as dbterd prints it. */
  schema: string;
  /** Lower-cased, as dbterd prints it. */
  database: string;
  /** Relationship columns the catalog did not list, typed `unknown`, in the algorithm's order. */
  addedColumns: string[];
  /**
   * By drawn column: 1 primary key (listed columns only), 2 foreign key (a
   * drawn relationship leaves from it); absent when no column is either.
   */
  columnFlags?: Uint8Array;
}

export const PRIMARY_KEY_FLAG = 1;
export const FOREIGN_KEY_FLAG = 2;

/** What one set of options draws of an index, before either output is written. */
export interface DerivedView {
  /** The index the view is of. */
  index: ArtifactIndex;
  /** The view's options, resolved. */
  options: ErdOptions;
  /** In output order: by unique id; of two nodes with one id, the last. */
  tables: DrawnTable[];
  /** Position in `tables` by unique id. */
  tableAt: Map<string, number>;
  /** The relationships between drawn tables, by name: the ERD's edges. Shared: never change them. */
  relationships: FoundRelationship[];
  /** The keys the project states, for every table (shared: never change them). */
  keys: Map<string, ErdTableKey[]>;
  /** The listed columns' names and types, numbered once per index (made on first call). */
  columnStrings(): ColumnStrings;
  /** `inferred` only: how the SQL was read and how much was found. */
  inference?: ErdInferenceSummary;
  /** The index's warnings, then the algorithm's. */
  warnings: string[];
}

function selectTables(facts: ProjectFacts, options: ErdOptions) {
  const { index } = facts;
  const selectables = facts.selectables();
  const names = facts.entityNames(options.entityNameFormat);
  const isSelected = compileSelection(options, {
    tables: selectables,
    projectName: index.projectName,
    selectors: index.selectors,
  });
  const tables: DrawnTable[] = [];
  const tableAt = new Map<string, number>();
  for (const at of facts.byUniqueId()) {
    if (!isSelected(selectables[at])) continue;
    const node = index.nodes[at];
    const table: DrawnTable = {
      node,
      at,
      name: names[at],
      schema: selectables[at].schema,
      database: selectables[at].database,
      addedColumns: [],
    };
    const known = tableAt.get(node.uniqueId);
    if (known === undefined) {
      tableAt.set(node.uniqueId, tables.length);
      tables.push(table);
    } else {
      tables[known] = table;
    }
  }
  return { tables, tableAt };
}

/** Adds the relationship's columns the table does not list (e.g. `select *` models). */
function addMissingColumns(
  facts: ProjectFacts,
  table: DrawnTable,
  columnNames: string[],
  added: Map<DrawnTable, Set<string>>,
) {
  // Sets, not a scan per relationship: that is quadratic when one wide
  // table has many relationships (10^5 in a hostile manifest).
  const listed = facts.columnNames(table.at);
  for (const name of columnNames) {
    const lower = name.toLowerCase();
    if (listed.has(lower)) continue;
    let names = added.get(table);
    if (!names) added.set(table, (names = new Set()));
    if (names.has(lower)) continue;
    table.addedColumns.push(name);
    names.add(lower);
  }
}

/** The table's column flags (see DrawnTable), once its columns are all added. */
function columnFlags(
  table: DrawnTable,
  primaryKeys: Uint8Array | undefined,
  foreignKeys: Set<string> | undefined,
): Uint8Array | undefined {
  if (!primaryKeys && !foreignKeys) return undefined;
  const { columns } = table.node;
  const listed = Math.max(columns.length, 1);
  const flags = new Uint8Array(listed + table.addedColumns.length);
  if (primaryKeys) flags.set(primaryKeys);
  if (foreignKeys) {
    if (columns.length === 0 && foreignKeys.has(UNKNOWN_COLUMN)) {
      flags[0] |= FOREIGN_KEY_FLAG;
    }
    columns.forEach(({ name }, at) => {
      if (foreignKeys.has(name)) flags[at] |= FOREIGN_KEY_FLAG;
    });
    table.addedColumns.forEach((name, at) => {
      if (foreignKeys.has(name)) flags[listed + at] |= FOREIGN_KEY_FLAG;
    });
  }
  return flags;
}

/**
 * The view these options draw of the index: `buildErdFromIndex`'s
 * selection, added columns and key flags, with the shared facts of
 * `facts` (worked out once per index).
 */
export function deriveView(
  facts: ProjectFacts,
  options: Partial<ErdOptions> = {},
): DerivedView {
  const { index } = facts;
  const resolved = resolveErdOptions(options);
  const keys = facts.keys();
  const { found, byName, primaryKeyFlags, mayAddColumns } = facts.found(
    resolved.algo,
  );
  const { tables, tableAt } = selectTables(facts, resolved);
  const tableOf = (id: string) => {
    const at = tableAt.get(id);
    return at === undefined ? undefined : tables[at];
  };

  // Missing columns are added in the algorithm's order, edges drawn by name.
  const added = new Map<DrawnTable, Set<string>>();
  found.relationships.forEach((relationship, at) => {
    if (!mayAddColumns[at]) return;
    const to = tableOf(relationship.toId);
    const from = tableOf(relationship.fromId);
    if (!to || !from) return;
    addMissingColumns(facts, to, relationship.toColumns, added);
    addMissingColumns(facts, from, relationship.fromColumns, added);
  });
  const relationships = byName.filter(
    r => tableAt.has(r.toId) && tableAt.has(r.fromId),
  );
  const foreignKeys = new Map<DrawnTable, Set<string>>();
  for (const relationship of relationships) {
    const from = tableOf(relationship.fromId)!;
    let columns = foreignKeys.get(from);
    if (!columns) foreignKeys.set(from, (columns = new Set()));
    for (const column of relationship.fromColumns) columns.add(column);
  }
  for (const table of tables) {
    table.columnFlags = columnFlags(
      table,
      primaryKeyFlags[table.at],
      foreignKeys.get(table),
    );
  }
  return {
    index,
    options: resolved,
    tables,
    tableAt,
    relationships,
    keys,
    columnStrings: () => facts.columnStrings(),
    inference: found.inference,
    warnings: [...index.warnings, ...(found.warnings ?? [])],
  };
}

/** The canonical ERD node of a drawn table, with these columns and SQL. */
export function erdNodeOf(
  { node, name, schema, database }: DrawnTable,
  columns: ErdColumn[],
  compiledSql: string | null,
): ErdNode {
  return {
    id: node.uniqueId,
    name,
    label: node.meta.label,
    description: node.description || null,
    resource_type: node.resourceType,
    schema_name: schema,
    database,
    columns,
    compiled_sql: compiledSql,
  };
}

/** Calls `visit` with each column of the table as drawn, in order, and its flags. */
export function forEachDrawnColumn(
  table: DrawnTable,
  visit: (
    name: string,
    dataType: string,
    description: string,
    flags: number,
  ) => void,
) {
  const { node, columnFlags: flags } = table;
  let at = 0;
  if (node.columns.length === 0) {
    visit(UNKNOWN_COLUMN, UNKNOWN_COLUMN, '', flags?.[at++] ?? 0);
  }
  for (const column of node.columns) {
    visit(column.name, column.dataType, column.description, flags?.[at++] ?? 0);
  }
  for (const name of table.addedColumns) {
    visit(name, UNKNOWN_COLUMN, '', flags?.[at++] ?? 0);
  }
}
