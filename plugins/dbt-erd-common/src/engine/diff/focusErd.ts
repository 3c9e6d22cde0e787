import { Erd, ErdEdge, ErdNode } from '../types';
import { displayNames } from './displayNames';
import { byIdThenContent } from './diffRelationships';
import { byCodeUnits } from './fieldChanges';
import { relationshipKey } from './relationshipKey';
import { ErdDiff } from './types';

/** More tables than this make a pull-request comment unreadable. */
export const MAX_FOCUS_TABLES = 60;

type Status = 'added' | 'removed' | 'changed';

export interface FocusErd {
  erd: Erd;
  /** Tables left out to stay under MAX_FOCUS_TABLES. */
  omittedTables: number;
}

function tableStatuses(diff: ErdDiff): Map<string, Status> {
  const statuses = new Map<string, Status>();
  diff.tables.added.forEach(id => statuses.set(id, 'added'));
  diff.tables.removed.forEach(id => statuses.set(id, 'removed'));
  diff.tables.changed.forEach(t => statuses.set(t.id, 'changed'));
  const relationshipEnds = [
    ...diff.relationships.added,
    ...diff.relationships.removed,
    ...diff.relationships.changed,
  ].flatMap(edge => [edge.from_id, edge.to_id]);
  relationshipEnds.forEach(id => {
    if (!statuses.has(id)) statuses.set(id, 'changed');
  });
  return statuses;
}

/**
 * The changed tables and their one-hop neighbours, as one ERD to draw: head's
 * tables and relationships, plus base's removed ones, each changed table and
 * relationship labelled with what happened to it.
 */
export function focusErd(diff: ErdDiff, base: Erd, head: Erd): FocusErd {
  const statuses = tableStatuses(diff);
  const removedKeys = new Set(diff.relationships.removed.map(e => e.key));
  const edgeStatus = new Map<string, Status>([
    ...diff.relationships.added.map(e => [e.key, 'added'] as const),
    ...diff.relationships.removed.map(e => [e.key, 'removed'] as const),
    ...diff.relationships.changed.map(e => [e.key, 'changed'] as const),
  ]);
  const edges: ErdEdge[] = [
    ...head.edges,
    ...base.edges.filter(e => removedKeys.has(relationshipKey(e))),
  ];
  const neighbours = new Set<string>();
  for (const edge of edges) {
    if (statuses.has(edge.from_id)) neighbours.add(edge.to_id);
    if (statuses.has(edge.to_id)) neighbours.add(edge.from_id);
  }
  const changedIds = [...statuses.keys()].sort(byCodeUnits);
  const contextIds = [...neighbours]
    .filter(id => !statuses.has(id))
    .sort(byCodeUnits);
  const allIds = [...changedIds, ...contextIds];
  const shown = new Set(allIds.slice(0, MAX_FOCUS_TABLES));

  const nodesById = new Map<string, ErdNode>([
    ...base.nodes.map(n => [n.id, n] as const),
    ...head.nodes.map(n => [n.id, n] as const),
  ]);
  const name = displayNames(nodesById.keys());
  const nodes = [...shown]
    .filter(id => nodesById.has(id))
    .map(id => {
      const status = statuses.get(id);
      const node = nodesById.get(id)!;
      return {
        ...node,
        name: name(id),
        label: status ? `${name(id)} (${status})` : null,
      };
    });
  const seen = new Set<string>();
  const focusEdges = edges
    .filter(e => shown.has(e.from_id) && shown.has(e.to_id))
    .sort(
      (a, b) =>
        byCodeUnits(relationshipKey(a), relationshipKey(b)) ||
        byIdThenContent(a, b),
    )
    .filter(e => {
      const key = relationshipKey(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(e => {
      const status = edgeStatus.get(relationshipKey(e));
      return status
        ? { ...e, label: `${status} ${e.to_columns.join(' ')}` }
        : e;
    });
  return {
    erd: { nodes, edges: focusEdges, metadata: head.metadata },
    omittedTables: allIds.length - shown.size,
  };
}
