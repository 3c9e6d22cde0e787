import { ErdNode } from '../types';
import { explainRemoval } from './explainRemoval';
import { byCodeUnits, fieldChanges } from './fieldChanges';
import { relationshipKey } from './relationshipKey';
import {
  ChangedRelationshipReason,
  DiffableEdge,
  DiffEdge,
  RelationshipChange,
  RelationshipFields,
  RemovedRelationship,
} from './types';

const RELATIONSHIP_FIELDS: readonly (keyof RelationshipFields)[] = [
  'cardinality',
  'provenance',
  'label',
];

const CHANGE_REASONS: Record<
  keyof RelationshipFields,
  ChangedRelationshipReason
> = {
  cardinality: 'cardinality_changed',
  provenance: 'provenance_changed',
  label: 'label_changed',
};

/** Every field of an edge, keys sorted, so two edges with one id still order. */
function canonicalEdge(edge: DiffableEdge): string {
  const record = edge as unknown as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(record)
      .sort()
      .map(k => [k, record[k]]),
  );
}

/** Orders by edge id, then by content: the same edges in any order, one result. */
export function byIdThenContent(a: DiffableEdge, b: DiffableEdge): number {
  return (
    byCodeUnits(a.id, b.id) || byCodeUnits(canonicalEdge(a), canonicalEdge(b))
  );
}

/**
 * Edges by identity. Two tests declaring the same relationship are one
 * relationship; the first by edge id (then by content, for edges sharing an
 * id) speaks for it, so the result does not depend on input order.
 */
export function edgesByKey(
  edges: readonly DiffableEdge[],
): Map<string, DiffableEdge> {
  const byKey = new Map<string, DiffableEdge>();
  for (const edge of [...edges].sort(byIdThenContent)) {
    const key = relationshipKey(edge);
    if (!byKey.has(key)) byKey.set(key, edge);
  }
  return byKey;
}

/** The edge as the ERD JSON writes it, with its identity first. */
function toDiffEdge(key: string, edge: DiffableEdge): DiffEdge {
  return { key, ...edge };
}

function fieldsOf(edge: DiffableEdge): RelationshipFields {
  const fields: RelationshipFields = {
    cardinality: edge.cardinality,
    label: edge.label,
  };
  if (edge.provenance !== undefined) fields.provenance = edge.provenance;
  return fields;
}

function describeValue(value: unknown): string {
  return value === undefined || value === null ? '(none)' : String(value);
}

function compareRelationship(
  key: string,
  baseEdge: DiffableEdge,
  headEdge: DiffableEdge,
): RelationshipChange | undefined {
  const baseFields = fieldsOf(baseEdge);
  const headFields = fieldsOf(headEdge);
  // Provenance is compared only when both sides know it.
  const fields = RELATIONSHIP_FIELDS.filter(
    f =>
      f !== 'provenance' ||
      (baseFields.provenance !== undefined &&
        headFields.provenance !== undefined),
  );
  const change = fieldChanges(baseFields, headFields, fields);
  if (!change) return undefined;
  const changedFields = fields.filter(f => f in change.to);
  return {
    key,
    id: headEdge.id,
    from_id: headEdge.from_id,
    to_id: headEdge.to_id,
    from_columns: headEdge.from_columns,
    to_columns: headEdge.to_columns,
    ...change,
    why: {
      reason: CHANGE_REASONS[changedFields[0]],
      text: changedFields
        .map(
          f =>
            `${f} ${describeValue(baseFields[f])} → ${describeValue(
              headFields[f],
            )}`,
        )
        .join(', '),
    },
  };
}

export interface RelationshipsDiff {
  added: DiffEdge[];
  removed: RemovedRelationship[];
  changed: RelationshipChange[];
}

/** Relationships keyed by identity (from table + columns → to table + columns). */
export function diffRelationships(
  base: { nodes: ReadonlyMap<string, ErdNode>; edges: readonly DiffableEdge[] },
  head: { nodes: ReadonlyMap<string, ErdNode>; edges: readonly DiffableEdge[] },
  displayName: (id: string) => string,
): RelationshipsDiff {
  const baseEdges = edgesByKey(base.edges);
  const headEdges = edgesByKey(head.edges);
  const added: DiffEdge[] = [];
  const removed: RemovedRelationship[] = [];
  const changed: RelationshipChange[] = [];
  for (const [key, edge] of headEdges) {
    if (!baseEdges.has(key)) added.push(toDiffEdge(key, edge));
  }
  for (const [key, edge] of baseEdges) {
    const headEdge = headEdges.get(key);
    if (!headEdge) {
      removed.push({
        ...toDiffEdge(key, edge),
        why: explainRemoval(edge, base.nodes, head.nodes, displayName),
      });
      continue;
    }
    const change = compareRelationship(key, edge, headEdge);
    if (change) changed.push(change);
  }
  const byKey = (a: { key: string }, b: { key: string }) =>
    byCodeUnits(a.key, b.key);
  return {
    added: added.sort(byKey),
    removed: removed.sort(byKey),
    changed: changed.sort(byKey),
  };
}
