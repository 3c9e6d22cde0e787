import { getErdAlgorithm } from './algorithms/registry';
import { FoundRelationship } from './algorithms/types';
import { DbtArtifacts, indexArtifacts } from './artifacts/indexArtifacts';
import { ArtifactIndex, IndexedNode } from './artifacts/types';
import { detectTableKeys } from './keys/detectKeys';
import { ownerLinks } from './catalog/catalogLinks';
import { groupNodes } from './naming/entityGroup';
import { entityName } from './naming/entityName';
import { resolveErdOptions } from './options';
import { compileSelection } from './selection/isSelected';
import { selectableOf } from './selection/selectableTable';
import {
  Erd,
  ErdBuildResult,
  ErdEdge,
  ErdNode,
  ErdNodeDetails,
  ErdOptions,
  ErdTableKey,
} from './types';

/** dbterd's `$schema` / `dbterd_version` when no version is pinned. */
export const DEFAULT_DBTERD_VERSION = 'latest';

interface WorkingColumn {
  name: string;
  dataType: string;
  description: string;
  isPrimaryKey: boolean;
}

interface WorkingTable {
  node: IndexedNode;
  columns: WorkingColumn[];
  /** Lower-cased column names, made on first need and kept in step with `columns`. */
  columnNames?: Set<string>;
}

function byCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function selectTables(
  index: ArtifactIndex,
  options: ErdOptions,
): Map<string, WorkingTable> {
  const tables = new Map<string, WorkingTable>();
  const selectables = index.nodes.map(selectableOf);
  const isSelected = compileSelection(options, {
    tables: selectables,
    projectName: index.projectName,
    selectors: index.selectors,
  });
  index.nodes.forEach((node, i) => {
    if (!isSelected(selectables[i])) return;
    const columns = node.columns.map(c => ({ ...c, isPrimaryKey: false }));
    // dbterd never draws an empty entity: it shows one `unknown` column.
    if (columns.length === 0) {
      columns.push({
        name: 'unknown',
        dataType: 'unknown',
        description: '',
        isPrimaryKey: false,
      });
    }
    tables.set(node.uniqueId, { node, columns });
  });
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
      if (keys.has(column.name.toLowerCase())) column.isPrimaryKey = true;
    }
  }
}

/** Relationship columns the catalog did not list (e.g. `select *` models) are added to their table. */
function addMissingColumns(table: WorkingTable, columnNames: string[]) {
  // Kept on the table: a set made per relationship is quadratic when one
  // wide table has many relationships (10^5 in a hostile manifest).
  table.columnNames ??= new Set(table.columns.map(c => c.name.toLowerCase()));
  const present = table.columnNames;
  for (const name of columnNames) {
    if (present.has(name.toLowerCase())) continue;
    table.columns.push({
      name,
      dataType: 'unknown',
      description: '',
      isPrimaryKey: false,
    });
    present.add(name.toLowerCase());
  }
}

function toErdNode(
  table: WorkingTable,
  options: ErdOptions,
  foreignKeys: Set<string>,
): ErdNode {
  const { node } = table;
  return {
    id: node.uniqueId,
    name: entityName(node, options.entityNameFormat),
    label: node.meta.label,
    description: node.description || null,
    resource_type: node.resourceType,
    schema_name: node.schema.toLowerCase(),
    database: node.database.toLowerCase(),
    columns: table.columns.map(column => ({
      name: column.name,
      data_type: column.dataType,
      description: column.description || null,
      is_primary_key: column.isPrimaryKey,
      is_foreign_key: foreignKeys.has(column.name),
    })),
    compiled_sql: node.compiledSql,
  };
}

function toErdEdge(relationship: FoundRelationship): ErdEdge {
  const edge: ErdEdge = {
    id: relationship.name,
    from_id: relationship.fromId,
    to_id: relationship.toId,
    from_columns: relationship.fromColumns,
    to_columns: relationship.toColumns,
    relationship_type: 'fk',
    name: relationship.name,
    label: relationship.label,
    cardinality: relationship.cardinality,
  };
  // Only when set: dbterd's own edges have none of these fields.
  if (relationship.provenance) edge.provenance = relationship.provenance;
  if (relationship.evidence) edge.evidence = relationship.evidence;
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
 * The ERD of an already indexed project. This is the seam a streaming
 * manifest reader plugs into: it only needs to produce the ArtifactIndex.
 */
export function buildErdFromIndex(
  index: ArtifactIndex,
  options: Partial<ErdOptions> = {},
): ErdBuildResult {
  const resolved = resolveErdOptions(options);
  const keys = detectTableKeys(index);
  const found = getErdAlgorithm(resolved.algo).findRelationships(index, {
    algo: resolved.algo,
    keys,
  });

  const tables = selectTables(index, resolved);
  markPrimaryKeys(tables, found.primaryKeys);
  const relationships = found.relationships.filter(
    r => tables.has(r.toId) && tables.has(r.fromId),
  );
  for (const relationship of relationships) {
    addMissingColumns(tables.get(relationship.toId)!, relationship.toColumns);
    addMissingColumns(
      tables.get(relationship.fromId)!,
      relationship.fromColumns,
    );
  }

  const sortedTables = [...tables.values()].sort((a, b) =>
    byCodeUnits(a.node.uniqueId, b.node.uniqueId),
  );
  const edges = relationships
    .sort((a, b) => byCodeUnits(a.name, b.name))
    .map(toErdEdge);
  const foreignKeys = new Map<string, Set<string>>();
  for (const edge of edges) {
    const columns = foreignKeys.get(edge.from_id) ?? new Set<string>();
    edge.from_columns.forEach(c => columns.add(c));
    foreignKeys.set(edge.from_id, columns);
  }
  const nodes = sortedTables.map(t =>
    toErdNode(t, resolved, foreignKeys.get(t.node.uniqueId) ?? new Set()),
  );

  const erd: Erd = {
    nodes,
    edges,
    metadata: {
      generated_at: index.generatedAt,
      dbt_project_name: index.projectName,
      dbterd_version: DEFAULT_DBTERD_VERSION,
    },
    extras: { nodeDetails: nodeDetails(sortedTables, index.exposureEntities) },
  };
  const drawnKeys: Record<string, ErdTableKey[]> = {};
  for (const table of sortedTables) {
    const tableKeys = keys.get(table.node.uniqueId);
    if (tableKeys) drawnKeys[table.node.uniqueId] = tableKeys;
  }
  if (Object.keys(drawnKeys).length > 0) erd.extras!.keys = drawnKeys;
  if (found.inference) erd.extras!.inference = found.inference;
  if (resolved.entityGroup) {
    erd.groups = groupNodes(nodes, resolved.entityGroup);
    erd.extras!.entityGroup = resolved.entityGroup;
  }
  return { erd, warnings: [...index.warnings, ...(found.warnings ?? [])] };
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
