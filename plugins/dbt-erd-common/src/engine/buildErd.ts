import { FoundRelationship } from './algorithms/types';
import { DbtArtifacts, indexArtifacts } from './artifacts/indexArtifacts';
import { ArtifactIndex, IndexedNode } from './artifacts/types';
import { ownerLinks } from './catalog/catalogLinks';
import { ProjectFacts } from './derivation/ProjectFacts';
import { groupNodes } from './naming/entityGroup';
import { resolveErdOptions } from './options';
import { compileSelection } from './selection/isSelected';
import { SelectableTable } from './selection/selectableTable';
import {
  Erd,
  ErdBuildResult,
  ErdColumn,
  ErdEdge,
  ErdNode,
  ErdNodeDetails,
  ErdOptions,
  ErdTableKey,
} from './types';

/** dbterd's `$schema` / `dbterd_version` when no version is pinned. */
export const DEFAULT_DBTERD_VERSION = 'latest';

interface WorkingTable {
  node: IndexedNode;
  /** The node's position in the index. */
  at: number;
  /** Its entity name in the view's name format. */
  name: string;
  /** The drawn columns; flags and missing columns are set as the view is built. */
  columns: ErdColumn[];
  /** Lower-cased names of the columns added by `addMissingColumns`. */
  added?: Set<string>;
}

function erdColumn(
  name: string,
  dataType: string,
  description: string,
): ErdColumn {
  return {
    name,
    data_type: dataType,
    description: description || null,
    is_primary_key: false,
    is_foreign_key: false,
  };
}

/** The selected tables by unique id, in output order (by unique id; of two nodes with one id, the last). */
function selectTables(
  facts: ProjectFacts,
  options: ErdOptions,
): Map<string, WorkingTable> {
  const { index } = facts;
  const tables = new Map<string, WorkingTable>();
  const selectables = facts.selectables();
  const names = facts.entityNames(options.entityNameFormat);
  const isSelected = compileSelection(options, {
    tables: selectables,
    projectName: index.projectName,
    selectors: index.selectors,
  });
  for (const at of facts.byUniqueId()) {
    if (!isSelected(selectables[at])) continue;
    const node = index.nodes[at];
    const columns = node.columns.map(c =>
      erdColumn(c.name, c.dataType, c.description),
    );
    // dbterd never draws an empty entity: it shows one `unknown` column.
    if (columns.length === 0) columns.push(erdColumn('unknown', 'unknown', ''));
    tables.set(node.uniqueId, { node, at, name: names[at], columns });
  }
  return tables;
}

function markPrimaryKeys(
  tables: Map<string, WorkingTable>,
  primaryKeys?: Map<string, Set<string>>,
) {
  if (!primaryKeys) return;
  for (const [uniqueId, table] of tables) {
    const keys = primaryKeys.get(uniqueId);
    if (!keys) continue;
    for (const column of table.columns) {
      if (keys.has(column.name.toLowerCase())) column.is_primary_key = true;
    }
  }
}

/** Relationship columns the catalog did not list (e.g. `select *` models) are added to their table. */
function addMissingColumns(
  facts: ProjectFacts,
  table: WorkingTable,
  columnNames: string[],
) {
  // Sets, not a scan per relationship: that is quadratic when one wide
  // table has many relationships (10^5 in a hostile manifest).
  const listed = facts.columnNames(table.at);
  for (const name of columnNames) {
    const lower = name.toLowerCase();
    if (listed.has(lower) || table.added?.has(lower)) continue;
    table.columns.push(erdColumn(name, 'unknown', ''));
    (table.added ??= new Set()).add(lower);
  }
}

function markForeignKeys(table: WorkingTable, foreignKeys: Set<string>) {
  for (const column of table.columns) {
    if (foreignKeys.has(column.name)) column.is_foreign_key = true;
  }
}

function toErdNode(
  { node, name, columns }: WorkingTable,
  selectable: SelectableTable,
): ErdNode {
  return {
    id: node.uniqueId,
    name,
    label: node.meta.label,
    description: node.description || null,
    resource_type: node.resourceType,
    // Lower-cased already, as dbterd prints them.
    schema_name: selectable.schema,
    database: selectable.database,
    columns,
    compiled_sql: node.compiledSql,
  };
}

/** Arrays are copied: the relationship is kept for other views of the index. */
function toErdEdge(relationship: FoundRelationship): ErdEdge {
  const edge: ErdEdge = {
    id: relationship.name,
    from_id: relationship.fromId,
    to_id: relationship.toId,
    from_columns: [...relationship.fromColumns],
    to_columns: [...relationship.toColumns],
    relationship_type: 'fk',
    name: relationship.name,
    label: relationship.label,
    cardinality: relationship.cardinality,
  };
  // Only when set: dbterd's own edges have none of these fields.
  if (relationship.provenance) edge.provenance = relationship.provenance;
  if (relationship.evidence) edge.evidence = [...relationship.evidence];
  if (relationship.confidence) edge.confidence = relationship.confidence;
  return edge;
}

function nodeDetails(
  tables: WorkingTable[],
  exposureEntities: Record<string, string> = {},
): Record<string, ErdNodeDetails> {
  const details: Record<string, ErdNodeDetails> = {};
  for (const { node } of tables) {
    const detail: ErdNodeDetails = {
      packageName: node.packageName,
      relationName: node.relationName,
      exposures: node.exposures,
    };
    // Only when there are some: ERDs without catalog links keep their shape.
    const linked = node.exposures
      .filter(name => Object.hasOwn(exposureEntities, name))
      .map(name => ({ entityRef: exposureEntities[name], via: name }));
    if (linked.length > 0) detail.exposureEntities = linked;
    const owners = ownerLinks(node.group ?? null, node.meta.owner ?? null);
    if (owners.length > 0) detail.owners = owners;
    details[node.uniqueId] = detail;
  }
  return details;
}

/**
 * Every view of one project index: `build` is `buildErdFromIndex` of the
 * index, byte for byte, and what views share (keys, each algorithm's
 * relationships, names per format, table order) is worked out once per
 * instance, so further views cost only their selection and output. Keep
 * one per index for as long as the index is kept, and never change the index.
 */
export class ErdDerivation {
  /** The project index every view is derived from; never changed. */
  readonly index: ArtifactIndex;
  private readonly facts: ProjectFacts;

  constructor(index: ArtifactIndex) {
    this.index = index;
    this.facts = new ProjectFacts(index);
  }

  /** The ERD of the index with these options, as `buildErdFromIndex` draws it. */
  build(options: Partial<ErdOptions> = {}): ErdBuildResult {
    const { facts, index } = this;
    const resolved = resolveErdOptions(options);
    const keys = facts.keys();
    const { found, byName } = facts.found(resolved.algo);

    const tables = selectTables(facts, resolved);
    markPrimaryKeys(tables, found.primaryKeys);
    const drawn = (r: FoundRelationship) =>
      tables.has(r.toId) && tables.has(r.fromId);
    // Missing columns are added in the algorithm's order, edges drawn by name.
    for (const relationship of found.relationships) {
      if (!drawn(relationship)) continue;
      addMissingColumns(
        facts,
        tables.get(relationship.toId)!,
        relationship.toColumns,
      );
      addMissingColumns(
        facts,
        tables.get(relationship.fromId)!,
        relationship.fromColumns,
      );
    }

    const sortedTables = [...tables.values()];
    const edges = byName.filter(drawn).map(toErdEdge);
    const foreignKeys = new Map<string, Set<string>>();
    for (const edge of edges) {
      const columns = foreignKeys.get(edge.from_id) ?? new Set<string>();
      edge.from_columns.forEach(c => columns.add(c));
      foreignKeys.set(edge.from_id, columns);
    }
    for (const [uniqueId, columns] of foreignKeys) {
      markForeignKeys(tables.get(uniqueId)!, columns);
    }
    const selectables = facts.selectables();
    const nodes = sortedTables.map(t => toErdNode(t, selectables[t.at]));

    const erd: Erd = {
      nodes,
      edges,
      metadata: {
        generated_at: index.generatedAt,
        dbt_project_name: index.projectName,
        dbterd_version: DEFAULT_DBTERD_VERSION,
      },
      extras: {
        nodeDetails: nodeDetails(sortedTables, index.exposureEntities),
      },
    };
    const drawnKeys: Record<string, ErdTableKey[]> = {};
    for (const table of sortedTables) {
      const tableKeys = keys.get(table.node.uniqueId);
      if (tableKeys) {
        drawnKeys[table.node.uniqueId] = tableKeys.map(key => ({
          ...key,
          columns: [...key.columns],
        }));
      }
    }
    if (Object.keys(drawnKeys).length > 0) erd.extras!.keys = drawnKeys;
    if (found.inference) erd.extras!.inference = { ...found.inference };
    if (resolved.entityGroup) {
      erd.groups = groupNodes(nodes, resolved.entityGroup);
      erd.extras!.entityGroup = resolved.entityGroup;
    }
    return { erd, warnings: [...index.warnings, ...(found.warnings ?? [])] };
  }
}

/**
 * The ERD of an already indexed project. This is the seam a streaming
 * manifest reader plugs into: it only needs to produce the ArtifactIndex.
 * Deriving several views of one index: see ErdDerivation.
 */
export function buildErdFromIndex(
  index: ArtifactIndex,
  options: Partial<ErdOptions> = {},
): ErdBuildResult {
  return new ErdDerivation(index).build(options);
}

/**
 * dbt artifacts (parsed manifest.json and, ideally, catalog.json) to an ERD,
 * the way dbterd reads them. Throws ErdInputError for unusable input.
 */
export function buildErd(
  artifacts: DbtArtifacts,
  options: Partial<ErdOptions> = {},
): ErdBuildResult {
  // Options first: a typo in a rule should not cost a parse of a large manifest.
  resolveErdOptions(options);
  return buildErdFromIndex(indexArtifacts(artifacts), options);
}
