import type { Edge, Node } from '@xyflow/react';
import { ErdEdge } from 'backstage-plugin-dbt-erd-common';
import { LayoutRequest, LayoutResult } from '../layout/types';
import { ErdModel } from './erdModel';
import { handleId } from './handles';
import { isInferredEdge } from './inferredEdges';
import { nodeSize } from './nodeSize';
import { shortName } from './shortName';
import {
  DiagramColumn,
  GroupNodeData,
  RelationshipEdgeData,
  ShowMode,
  TableNodeData,
} from './types';
import { visibleColumns } from './visibleColumns';

export type TableFlowNode = Node<TableNodeData, 'table'>;
export type GroupFlowNode = Node<GroupNodeData, 'erdGroup'>;
export type ErdFlowNode = TableFlowNode | GroupFlowNode;
export type RelationshipFlowEdge = Edge<RelationshipEdgeData, 'relationship'>;

/** The tables and relationships to lay out, with sizes for the show mode. */
export function buildLayoutRequest(
  model: ErdModel,
  visibleIds: ReadonlySet<string>,
  showMode: ShowMode,
  groupAreas: boolean,
  aspectRatio?: number,
): LayoutRequest {
  const nodes: LayoutRequest['nodes'] = [];
  for (const id of visibleIds) {
    const node = model.nodeById.get(id);
    if (!node) continue;
    nodes.push({
      id,
      ...nodeSize(node, showMode, model.referencedColumns.get(id)),
      group: groupAreas ? model.groupOf.get(id) : undefined,
    });
  }
  return {
    nodes,
    edges: visibleEdges(model, visibleIds).map(e => ({
      id: e.id,
      source: e.from_id,
      target: e.to_id,
    })),
    groupAreas,
    aspectRatio,
  };
}

export function visibleEdges(
  model: ErdModel,
  visibleIds: ReadonlySet<string>,
): ErdEdge[] {
  return model.erd.edges.filter(
    e => visibleIds.has(e.from_id) && visibleIds.has(e.to_id),
  );
}

export interface FlowOptions {
  showMode: ShowMode;
  /** Overview of a large project: no relationship lines. */
  drawEdges: boolean;
}

export interface FlowHighlight {
  /** The table the view is focused on. */
  focusId?: string;
  /** The search pick. */
  tableId?: string;
  column?: string;
}

/** A relationship's label: its own, or the columns it joins. */
export function relationshipLabel(edge: ErdEdge): string {
  return (
    edge.label ||
    `${edge.from_columns.join(', ')} → ${edge.to_columns.join(', ')}`
  );
}

/**
 * React Flow nodes and edges for the laid-out tables. Edges attach to the
 * FK column and the referenced column, on the sides facing each other.
 */
export function toFlow(
  model: ErdModel,
  visibleIds: ReadonlySet<string>,
  layout: LayoutResult,
  options: FlowOptions,
): { nodes: ErdFlowNode[]; edges: RelationshipFlowEdge[] } {
  const { showMode } = options;
  const nodes: ErdFlowNode[] = [];
  const groupSizes = new Map<string, number>();
  for (const id of visibleIds) {
    const group = model.groupOf.get(id);
    if (group) groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
  }
  for (const [name, rect] of layout.groups) {
    nodes.push({
      id: `group:${name}`,
      type: 'erdGroup',
      position: { x: rect.x, y: rect.y },
      width: rect.width,
      height: rect.height,
      data: {
        name,
        tableCount: groupSizes.get(name) ?? 0,
        color: model.colorOf.get(name),
      },
      selectable: false,
      draggable: false,
      focusable: false,
      zIndex: -1,
    });
  }

  const shownColumns = new Map<string, Set<string>>();
  for (const id of visibleIds) {
    const node = model.nodeById.get(id);
    const position = layout.positions.get(id);
    if (!node || !position) continue;
    const referenced = model.referencedColumns.get(id);
    const columns: DiagramColumn[] = visibleColumns(
      node,
      showMode,
      referenced,
    ).map(c => ({
      name: c.name,
      dataType: c.data_type,
      isPrimaryKey: c.is_primary_key,
      isForeignKey: c.is_foreign_key,
      linked: referenced?.has(c.name.toLowerCase()) ?? false,
    }));
    shownColumns.set(id, new Set(columns.map(c => c.name.toLowerCase())));
    const size = nodeSize(node, showMode, referenced);
    nodes.push({
      id,
      type: 'table',
      position,
      width: size.width,
      height: size.height,
      data: {
        tableId: id,
        name: shortName(node),
        fullName: node.name,
        resourceType: node.resource_type,
        color: model.colorOf.get(model.groupOf.get(id) ?? ''),
        columns,
        showMode,
        highlighted: false,
        focused: false,
        handles: options.drawEdges,
      },
    });
  }

  const edges: RelationshipFlowEdge[] = [];
  if (options.drawEdges) {
    const centreX = (id: string) => {
      const n = model.nodeById.get(id)!;
      return (
        layout.positions.get(id)!.x +
        nodeSize(n, showMode, model.referencedColumns.get(id)).width / 2
      );
    };
    const attach = (tableId: string, columns: string[], side: 'l' | 'r') => {
      // One handle per edge end: the first column of a composite key.
      const column = columns[0]?.toLowerCase();
      return handleId(
        column && shownColumns.get(tableId)?.has(column) ? column : undefined,
        side,
      );
    };
    for (const edge of visibleEdges(model, visibleIds)) {
      if (
        !layout.positions.has(edge.from_id) ||
        !layout.positions.has(edge.to_id)
      )
        continue;
      const selfLoop = edge.from_id === edge.to_id;
      const rightwards =
        selfLoop || centreX(edge.from_id) <= centreX(edge.to_id);
      edges.push({
        id: edge.id,
        type: 'relationship',
        source: edge.from_id,
        target: edge.to_id,
        sourceHandle: attach(
          edge.from_id,
          edge.from_columns,
          rightwards ? 'r' : 'l',
        ),
        targetHandle: attach(
          edge.to_id,
          edge.to_columns,
          rightwards && !selfLoop ? 'l' : 'r',
        ),
        data: {
          cardinality: edge.cardinality,
          label: relationshipLabel(edge),
          highlighted: false,
          inferred: isInferredEdge(edge),
        },
        focusable: false,
      });
    }
  }
  return { nodes, edges };
}

/**
 * Marks the focused and searched-for tables (and their relationships),
 * copying only the elements that change so React Flow re-renders just those.
 */
export function applyHighlight(
  flow: { nodes: ErdFlowNode[]; edges: RelationshipFlowEdge[] },
  highlight: FlowHighlight,
): { nodes: ErdFlowNode[]; edges: RelationshipFlowEdge[] } {
  const { focusId, tableId, column } = highlight;
  if (!focusId && !tableId) return flow;
  const nodes = flow.nodes.map(node => {
    if (node.type !== 'table' || (node.id !== focusId && node.id !== tableId))
      return node;
    return {
      ...node,
      data: {
        ...node.data,
        focused: node.id === focusId,
        highlighted: node.id === tableId,
        highlightedColumn: node.id === tableId ? column : undefined,
      },
    };
  });
  const touches = (edge: RelationshipFlowEdge, id?: string) =>
    !!id && (edge.source === id || edge.target === id);
  const edges = flow.edges.map(edge =>
    touches(edge, focusId) || touches(edge, tableId)
      ? { ...edge, data: { ...edge.data!, highlighted: true }, zIndex: 1 }
      : edge,
  );
  return { nodes, edges };
}
