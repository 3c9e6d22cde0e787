import { JoinPath } from 'backstage-plugin-dbt-erd-common';
import { createContext } from 'react';

/** What the diagram shows for a join path the drawer found (or did not). */
export interface DiagramJoinPath {
  fromId: string;
  toId: string;
  found: boolean;
  /** The tables shown: the path, or (no path) both tables' components. */
  tableIds: ReadonlySet<string>;
  /** Highlighted: the path's tables, or (no path) the two tables. */
  highlightTableIds: ReadonlySet<string>;
  /** The path's relationships, highlighted. */
  edgeIds: ReadonlySet<string>;
}

export function diagramJoinPath(
  fromId: string,
  toId: string,
  result: JoinPath,
): DiagramJoinPath {
  if (result.found) {
    const tableIds = new Set(result.path);
    return {
      fromId,
      toId,
      found: true,
      tableIds,
      highlightTableIds: tableIds,
      edgeIds: new Set(result.joins.map(j => j.edge_id)),
    };
  }
  return {
    fromId,
    toId,
    found: false,
    tableIds: new Set([
      ...result.fromComponent,
      ...result.toComponent,
      fromId,
      toId,
    ]),
    highlightTableIds: new Set([fromId, toId]),
    edgeIds: new Set(),
  };
}

/**
 * How the drawer's "Join path to…" reaches the diagram without the drawer
 * passing it along: the tab provides it, the section calls it with each
 * result.
 */
export const ShowJoinPathContext = createContext<
  ((path: DiagramJoinPath) => void) | undefined
>(undefined);
