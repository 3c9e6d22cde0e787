import { Point, Rect } from '../geometry';

/** A graph to lay out: boxes of known size and the links between them. */
export interface LayoutRequest {
  nodes: Array<{ id: string; width: number; height: number; group?: string }>;
  edges: Array<{ id: string; source: string; target: string }>;
  /** Draw each group as an area around its tables. */
  groupAreas: boolean;
  /**
   * Width / height of the canvas the result is shown in: components and
   * groups are packed to about this shape, so fitting fills the canvas.
   */
  aspectRatio?: number;
}

/**
 * Where everything goes. Maps, not plain objects: ids and group names come
 * from the artifacts, and a schema named `__proto__` must not reach
 * `Object.prototype` (Maps also survive the worker's structured clone).
 */
export interface LayoutResult {
  /** Top-left corner of each node. */
  positions: Map<string, Point>;
  /** Areas around the tables of each group, by group name. */
  groups: Map<string, Rect>;
  /**
   * The line of each relationship inside a connected component, by edge
   * id, as the layered layout routed it clear of the other tables: its bend
   * points, x and y interleaved, in canvas coordinates, rounded to whole
   * pixels (a compact message from the worker). Lines between components
   * or groups, and lines to a block of leaves, have none and are drawn
   * directly.
   */
  routes?: Map<string, number[]>;
}

/** Anything that can lay out a graph without blocking the page for long. */
export interface LayoutEngine {
  layout(request: LayoutRequest): Promise<LayoutResult>;
  dispose(): void;
}
