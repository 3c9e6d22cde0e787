import { ErdEdge, ErdNode } from 'backstage-plugin-dbt-erd-common';
import { EntityErd, EntityErdDiff } from '../../api';
import { ErdFlowEdge, ErdFlowNode } from '../../graph/toFlow';

/**
 * A diff drawn on the head ERD: head plus the base side's removed tables,
 * columns and relationships (ghosts, kept where the layout puts them), and
 * each element's status. Pure, so the marking is tested without a browser.
 */

export type DiffStatus = 'added' | 'removed' | 'changed';

export interface DiffMarks {
  tables: Map<string, DiffStatus>;
  /** Per table, lower-cased column name → status. */
  columns: Map<string, Map<string, DiffStatus>>;
  /** By the id of the edge in the drawn ERD. */
  edges: Map<string, DiffStatus>;
  /** Tables a change touches: their own, or one of their relationships'. */
  changedTables: Set<string>;
}

/** The class a marked element carries; unmarked ones are context. */
export const diffClassName = (status: DiffStatus | undefined) =>
  `erd-diff-${status ?? 'context'}`;

/** The id a removed relationship is drawn under (its base id may be reused by head). */
export const ghostEdgeId = (key: string) => `removed:${key}`;

function mark(
  map: Map<string, Map<string, DiffStatus>>,
  tableId: string,
  column: string,
  status: DiffStatus,
) {
  if (!map.has(tableId)) map.set(tableId, new Map());
  map.get(tableId)!.set(column.toLowerCase(), status);
}

/** Head with the diff's ghosts added, and what to mark on it. */
export function overlayDiff(
  head: EntityErd,
  diff: EntityErdDiff,
): { erd: EntityErd; marks: DiffMarks } {
  const tables = new Map<string, DiffStatus>();
  const columns = new Map<string, Map<string, DiffStatus>>();
  const edges = new Map<string, DiffStatus>();
  const changedTables = new Set<string>();

  diff.tables.added.forEach(id => tables.set(id, 'added'));
  diff.tables.removed.forEach(id => tables.set(id, 'removed'));
  for (const change of diff.tables.changed) {
    tables.set(change.id, 'changed');
    change.columns.added.forEach(c => mark(columns, change.id, c, 'added'));
    change.columns.changed.forEach(c =>
      mark(columns, change.id, c.name, 'changed'),
    );
    change.columns.removed.forEach(c => mark(columns, change.id, c, 'removed'));
  }
  tables.forEach((_, id) => changedTables.add(id));

  const touch = (edge: { from_id: string; to_id: string }) => {
    changedTables.add(edge.from_id);
    changedTables.add(edge.to_id);
  };
  diff.relationships.added.forEach(e => {
    edges.set(e.id, 'added');
    touch(e);
  });
  diff.relationships.changed.forEach(e => {
    edges.set(e.id, 'changed');
    touch(e);
  });

  const ghostColumns = new Map(
    diff.ghosts.columns.map(g => [g.table_id, g.columns]),
  );
  const nodes: ErdNode[] = head.nodes.map(node => {
    const removed = ghostColumns.get(node.id);
    return removed?.length
      ? { ...node, columns: [...node.columns, ...removed] }
      : node;
  });
  const present = new Set(nodes.map(n => n.id));
  for (const ghost of diff.ghosts.tables) {
    if (!present.has(ghost.id)) {
      nodes.push(ghost);
      present.add(ghost.id);
    }
  }
  const ghostEdges: ErdEdge[] = diff.relationships.removed.flatMap(removed => {
    const { key, why: _why, ...edge } = removed;
    touch(edge);
    if (!present.has(edge.from_id) || !present.has(edge.to_id)) return [];
    const id = ghostEdgeId(key);
    edges.set(id, 'removed');
    return [{ ...edge, id }];
  });

  return {
    erd: { ...head, nodes, edges: [...head.edges, ...ghostEdges] },
    marks: { tables, columns, edges, changedTables },
  };
}

/** "Changes only": the changed tables and their direct neighbours. */
export function changesWithNeighbours(
  adjacency: ReadonlyMap<string, ReadonlySet<string>>,
  changed: ReadonlySet<string>,
): Set<string> {
  const ids = new Set<string>();
  for (const id of changed) {
    if (!adjacency.has(id)) continue;
    ids.add(id);
    adjacency.get(id)!.forEach(n => ids.add(n));
  }
  return ids;
}

/** Gives each drawn table, column and relationship its diff class. */
export function applyDiffMarks(
  flow: { nodes: ErdFlowNode[]; edges: ErdFlowEdge[] },
  marks: DiffMarks,
): { nodes: ErdFlowNode[]; edges: ErdFlowEdge[] } {
  const nodes = flow.nodes.map((node): ErdFlowNode => {
    if (node.type !== 'table') return node;
    const className = diffClassName(marks.tables.get(node.id));
    const columnMarks = marks.columns.get(node.id);
    if (!columnMarks) return { ...node, className };
    return {
      ...node,
      className,
      data: {
        ...node.data,
        columns: node.data.columns.map(c => ({
          ...c,
          diff: columnMarks.get(c.name.toLowerCase()),
        })),
      },
    };
  });
  // Exposure lines keep their own class: runs compare relationships only.
  const edges = flow.edges.map(edge =>
    edge.type === 'relationship'
      ? { ...edge, className: diffClassName(marks.edges.get(edge.id)) }
      : edge,
  );
  return { nodes, edges };
}
