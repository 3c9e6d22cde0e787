import { Cardinality } from 'backstage-plugin-dbt-erd-common';

/** How much of each table the diagram draws. */
export type ShowMode = 'all' | 'keys' | 'names';

export const SHOW_MODES: ShowMode[] = ['all', 'keys', 'names'];

/** A column as a table node draws it. */
export interface DiagramColumn {
  name: string;
  dataType: string;
  isPrimaryKey: boolean;
  isForeignKey: boolean;
  /** Primary or unique key marks the column carries: "PK", "UK", "FK". */
  keys: string[];
  /** The key's columns, when the column belongs to a composite key. */
  compositeKey?: string[];
  /** A relationship attaches here, so the row carries connection handles. */
  linked: boolean;
  /** While comparing runs: how the column changed (see ErdCompare). */
  diff?: 'added' | 'removed' | 'changed';
}

/** What a table node needs to draw itself; sizes are known before render. */
export interface TableNodeData extends Record<string, unknown> {
  tableId: string;
  /** The short name people use (see shortName). */
  name: string;
  /** The dbterd name, as exports print it. */
  fullName: string;
  resourceType: string;
  /** The colour of the table's group. */
  color?: string;
  columns: DiagramColumn[];
  showMode: ShowMode;
  highlighted: boolean;
  highlightedColumn?: string;
  /** The table the view is focused on. */
  focused: boolean;
  /** Relationship lines are drawn, so the node needs their attachment points. */
  handles: boolean;
}

/** What a relationship edge needs to draw itself. */
export interface RelationshipEdgeData extends Record<string, unknown> {
  cardinality: Cardinality;
  label: string;
  highlighted: boolean;
  /** Drawn dashed: found by the `inferred` algorithm, not declared. */
  inferred?: boolean;
  /** The ERD edge this line draws (a composite key draws several lines). */
  relationshipId?: string;
  /** Bend points to draw the line through (see LayoutResult.routes); without them, a direct curve. */
  route?: readonly number[];
}

/** What an exposure node draws: a dbt exposure and the catalog entity it names. */
export interface ExposureNodeData extends Record<string, unknown> {
  name: string;
  /** `kind:namespace/name`, linked to the entity's page. */
  entityRef: string;
}

/** A labelled area behind the tables of one schema or group. */
export interface GroupNodeData extends Record<string, unknown> {
  name: string;
  tableCount: number;
  color?: string;
}

export type { Point, Rect, Size } from '../geometry';
