import { Erd, ErdEdge, ErdNode } from 'backstage-plugin-dbt-erd-common';
import { ColumnKey, columnKeys } from './columnKeys';
import { catalogExposures, DiagramExposure } from './exposures';
import { groupColors } from './groupColors';
import { groupTables, TableGroup } from './grouping';

/**
 * Look-ups derived once per fetched ERD, so that focusing, searching and
 * switching modes never rescan the whole ERD.
 */
export interface ErdModel {
  erd: Erd;
  nodeById: Map<string, ErdNode>;
  /** Undirected neighbours, for "within N hops". */
  adjacency: Map<string, Set<string>>;
  /** Relationships touching each table. */
  edgesByNode: Map<string, ErdEdge[]>;
  /**
   * Each drawable relationship's position in the ERD: a few tables'
   * relationships listed in the ERD's order without scanning all of them.
   */
  edgeIndex: Map<ErdEdge, number>;
  /** Lower-cased column names each table's relationships use. */
  referencedColumns: Map<string, Set<string>>;
  groups: TableGroup[];
  groupOf: Map<string, string>;
  /** Colour of each group, by group name. */
  colorOf: Map<string, string>;
  /** Key marks by table and lower-cased column (see columnKeys). */
  keysOf: Map<string, Map<string, ColumnKey>>;
  /** The dbt exposures that name a catalog entity (see catalogExposures). */
  exposures: DiagramExposure[];
}

export function buildErdModel(erd: Erd): ErdModel {
  const nodeById = new Map(erd.nodes.map(n => [n.id, n]));
  const adjacency = new Map<string, Set<string>>();
  const edgesByNode = new Map<string, ErdEdge[]>();
  const edgeIndex = new Map<ErdEdge, number>();
  const referencedColumns = new Map<string, Set<string>>();
  for (const node of erd.nodes) {
    adjacency.set(node.id, new Set());
    edgesByNode.set(node.id, []);
    referencedColumns.set(node.id, new Set());
  }
  erd.edges.forEach((edge, index) => {
    // Edges to tables the filters left out cannot be drawn.
    if (!nodeById.has(edge.from_id) || !nodeById.has(edge.to_id)) return;
    edgeIndex.set(edge, index);
    adjacency.get(edge.from_id)!.add(edge.to_id);
    adjacency.get(edge.to_id)!.add(edge.from_id);
    edgesByNode.get(edge.from_id)!.push(edge);
    if (edge.to_id !== edge.from_id) edgesByNode.get(edge.to_id)!.push(edge);
    edge.from_columns.forEach(c =>
      referencedColumns.get(edge.from_id)!.add(c.toLowerCase()),
    );
    edge.to_columns.forEach(c =>
      referencedColumns.get(edge.to_id)!.add(c.toLowerCase()),
    );
  });
  const groups = groupTables(erd);
  const groupOf = new Map<string, string>();
  groups.forEach(g => g.nodeIds.forEach(id => groupOf.set(id, g.name)));
  const colorOf = groupColors(groups.map(g => g.name));
  return {
    erd,
    nodeById,
    adjacency,
    edgesByNode,
    edgeIndex,
    referencedColumns,
    groups,
    groupOf,
    colorOf,
    keysOf: columnKeys(erd),
    exposures: catalogExposures(erd, nodeById),
  };
}
