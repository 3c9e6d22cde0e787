import type { Edge, Node } from '@xyflow/react';
import { ErdEdge } from 'backstage-plugin-dbt-erd-common';
import { ErdModel } from './erdModel';
import { DiagramExposure, exposureSize } from './exposures';
import {
  declaredHandles,
  handleId,
  headerHandles,
  tableHandles,
} from './handles';
import { keyMarks } from './columnKeys';
import { isInferredEdge } from './inferredEdges';
import { shortName } from './shortName';
import {
  DiagramColumn,
  ExposureNodeData,
  GroupNodeData,
  Point,
  Rect,
  RelationshipEdgeData,
  ShowMode,
  Size,
  TableNodeData,
} from './types';
import { visibleColumns } from './visibleColumns';

export type TableFlowNode = Node<TableNodeData, 'table'>;
export type GroupFlowNode = Node<GroupNodeData, 'erdGroup'>;
export type ExposureFlowNode = Node<ExposureNodeData, 'exposure'>;
export type ErdFlowNode = TableFlowNode | GroupFlowNode | ExposureFlowNode;
export type RelationshipFlowEdge = Edge<RelationshipEdgeData, 'relationship'>;
/** An exposure's dashed line to a table it depends on (React Flow's own bezier edge, styled by class). */
export type ExposureFlowEdge = Edge<Record<string, unknown>, 'default'>;
export type ErdFlowEdge = RelationshipFlowEdge | ExposureFlowEdge;

/** The class of an exposure's lines (see tableNodeStyles). */
export const EXPOSURE_EDGE_CLASS = 'erd-exposure-edge';

/** The relationships between shown tables, in the ERD's order (the layout's input order). */
export function visibleEdges(
  model: ErdModel,
  visibleIds: ReadonlySet<string>,
): ErdEdge[] {
  const both = (e: ErdEdge) =>
    visibleIds.has(e.from_id) && visibleIds.has(e.to_id);
  // Most of the project: one pass over its relationships.
  if (visibleIds.size * 4 >= model.nodeById.size)
    return model.erd.edges.filter(both);
  // A neighbourhood: its own tables' relationships, not the project's
  // (at 10,000 tables the scan was ~10 ms of each focus click, twice).
  const found = new Set<ErdEdge>();
  for (const id of visibleIds)
    for (const edge of model.edgesByNode.get(id) ?? [])
      if (both(edge)) found.add(edge);
  return [...found].sort(
    (a, b) => model.edgeIndex.get(a)! - model.edgeIndex.get(b)!,
  );
}

/** Where the layout put the tables and group areas. */
export interface PlacedTables {
  positions: ReadonlyMap<string, Point>;
  groups: ReadonlyMap<string, Rect>;
  /** Bend points of relationship lines, by edge id (see LayoutResult.routes). */
  routes?: ReadonlyMap<string, readonly number[]>;
}

export interface FlowOptions {
  showMode: ShowMode;
  /** Overview of a large project: no relationship lines. */
  drawEdges: boolean;
  /** Exposures to draw (see visibleExposures), where the layout placed them; only with `drawEdges`. */
  exposures?: readonly DiagramExposure[];
}

export interface FlowHighlight {
  /** The table the view is focused on. */
  focusId?: string;
  /** The search pick. */
  tableId?: string;
  column?: string;
  /** A join path: its tables and relationships, all highlighted. */
  pathTableIds?: ReadonlySet<string>;
  pathEdgeIds?: ReadonlySet<string>;
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
  layout: PlacedTables,
  /** Each table's size, as laid out (see tableSizes). */
  sizes: ReadonlyMap<string, Size>,
  options: FlowOptions,
): { nodes: ErdFlowNode[]; edges: ErdFlowEdge[] } {
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
      // Sizes and handles given, not measured: see declaredHandles.
      measured: { width: rect.width, height: rect.height },
      data: {
        name,
        tableCount: groupSizes.get(name) ?? 0,
        color: model.colorOf.get(name),
      },
      selectable: false,
      draggable: false,
      focusable: false,
      zIndex: -1,
      handles: [],
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
      model.keysOf.get(id),
    ).map(c => {
      const key = model.keysOf.get(id)?.get(c.name.toLowerCase());
      return {
        name: c.name,
        dataType: c.data_type,
        isPrimaryKey: c.is_primary_key || key?.mark === 'PK',
        isForeignKey: c.is_foreign_key,
        keys: keyMarks(key, c.is_primary_key, c.is_foreign_key),
        compositeKey: key?.composite,
        linked: referenced?.has(c.name.toLowerCase()) ?? false,
      };
    });
    shownColumns.set(id, new Set(columns.map(c => c.name.toLowerCase())));
    const size = sizes.get(id);
    if (!size) continue;
    nodes.push({
      id,
      type: 'table',
      position,
      width: size.width,
      height: size.height,
      measured: { width: size.width, height: size.height },
      handles: options.drawEdges
        ? declaredHandles(tableHandles(columns), size.width)
        : [],
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

  const edges: ErdFlowEdge[] = [];
  if (options.drawEdges) {
    const exposureWidths = new Map<string, number>();
    for (const exposure of options.exposures ?? []) {
      const position = layout.positions.get(exposure.id);
      if (!position) continue;
      const size = exposureSize(exposure);
      exposureWidths.set(exposure.id, size.width);
      nodes.push({
        id: exposure.id,
        type: 'exposure',
        position,
        width: size.width,
        height: size.height,
        measured: { width: size.width, height: size.height },
        handles: declaredHandles(headerHandles(size.height / 2), size.width),
        data: { name: exposure.name, entityRef: exposure.entityRef },
      });
    }
    const centreX = (id: string) =>
      layout.positions.get(id)!.x +
      (sizes.get(id)?.width ?? exposureWidths.get(id) ?? 0) / 2;
    const attach = (
      tableId: string,
      column: string | undefined,
      side: 'l' | 'r',
    ) => {
      const name = column?.toLowerCase();
      return handleId(
        name && shownColumns.get(tableId)?.has(name) ? name : undefined,
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
      const data: RelationshipEdgeData = {
        cardinality: edge.cardinality,
        label: relationshipLabel(edge),
        highlighted: false,
        inferred: isInferredEdge(edge),
        relationshipId: edge.id,
        route: layout.routes?.get(edge.id),
      };
      // A composite key: one line per column pair, so the relationship
      // attaches to every column of the key; the first carries the label.
      const pairs = Math.max(
        1,
        Math.min(edge.from_columns.length, edge.to_columns.length),
      );
      for (let i = 0; i < pairs; i++) {
        const source = attach(
          edge.from_id,
          edge.from_columns[i],
          rightwards ? 'r' : 'l',
        );
        const target = attach(
          edge.to_id,
          edge.to_columns[i],
          rightwards && !selfLoop ? 'l' : 'r',
        );
        // Hidden columns fold onto the header: one line is enough there.
        if (
          i > 0 &&
          (source.startsWith('table:') || target.startsWith('table:'))
        )
          continue;
        edges.push({
          id: i === 0 ? edge.id : `${edge.id}\u0000${i}`,
          type: 'relationship',
          source: edge.from_id,
          target: edge.to_id,
          sourceHandle: source,
          targetHandle: target,
          data: i === 0 ? data : { ...data, label: '' },
          focusable: false,
        });
      }
    }
    for (const exposure of options.exposures ?? []) {
      if (!exposureWidths.has(exposure.id)) continue;
      for (const tableId of exposure.tableIds) {
        if (!layout.positions.has(tableId) || !sizes.has(tableId)) continue;
        const rightwards = centreX(exposure.id) <= centreX(tableId);
        edges.push({
          id: `${exposure.id}\u0000${tableId}`,
          type: 'default',
          source: exposure.id,
          target: tableId,
          sourceHandle: handleId(undefined, rightwards ? 'r' : 'l'),
          targetHandle: handleId(undefined, rightwards ? 'l' : 'r'),
          className: EXPOSURE_EDGE_CLASS,
          focusable: false,
          selectable: false,
        });
      }
    }
  }
  return { nodes, edges };
}

/**
 * Marks the focused and searched-for tables (and their relationships),
 * copying only the elements that change so React Flow re-renders just those.
 */
export function applyHighlight(
  flow: { nodes: ErdFlowNode[]; edges: ErdFlowEdge[] },
  highlight: FlowHighlight,
): { nodes: ErdFlowNode[]; edges: ErdFlowEdge[] } {
  const { focusId, tableId, column, pathTableIds, pathEdgeIds } = highlight;
  if (!focusId && !tableId && !pathTableIds?.size) return flow;
  const onPath = (id: string) => !!pathTableIds?.has(id);
  const nodes = flow.nodes.map(node => {
    if (
      node.type !== 'table' ||
      (node.id !== focusId && node.id !== tableId && !onPath(node.id))
    )
      return node;
    return {
      ...node,
      data: {
        ...node.data,
        focused: node.id === focusId || onPath(node.id),
        highlighted: node.id === tableId,
        highlightedColumn: node.id === tableId ? column : undefined,
      },
    };
  });
  const touches = (edge: ErdFlowEdge, id?: string) =>
    !!id && (edge.source === id || edge.target === id);
  const edges = flow.edges.map(edge =>
    edge.type === 'relationship' &&
    (touches(edge, focusId) ||
      touches(edge, tableId) ||
      pathEdgeIds?.has(edge.data?.relationshipId ?? edge.id))
      ? { ...edge, data: { ...edge.data!, highlighted: true }, zIndex: 1 }
      : edge,
  );
  return { nodes, edges };
}
