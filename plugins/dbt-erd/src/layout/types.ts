import { Point, Rect } from '../graph/types';

/** A graph to lay out: boxes of known size and the links between them. */
export interface LayoutRequest {
  nodes: Array<{ id: string; width: number; height: number; group?: string }>;
  edges: Array<{ id: string; source: string; target: string }>;
  /** Draw each group as an area around its tables. */
  groupAreas: boolean;
}

export interface LayoutResult {
  /** Top-left corner of each node. */
  positions: Record<string, Point>;
  /** Areas around the tables of each group, by group name. */
  groups: Record<string, Rect>;
}

/** Anything that can lay out a graph without blocking the page for long. */
export interface LayoutEngine {
  layout(request: LayoutRequest): Promise<LayoutResult>;
  dispose(): void;
}
