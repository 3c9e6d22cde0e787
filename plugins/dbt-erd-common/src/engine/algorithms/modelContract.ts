import { normalizeRelationName } from '../artifacts/relationKey';
import {
  ArtifactIndex,
  IndexedConstraint,
  IndexedNode,
} from '../artifacts/types';
import { toCardinality } from './cardinality';
import { parseDbtReference, referenceMatches } from './dbtRef';
import { ErdAlgorithm, FoundRelationship } from './types';
import { uniqueRelationships } from './uniqueRelationships';

type NodeResolver = (to: string) => string | null;

/**
 * A foreign key's `to` is a rendered relation name (`db.schema.table`) in
 * built manifests and a literal `ref(...)` / `source(...)` in parsed ones.
 * Relation names are compared without quotes and case, models first.
 */
function nodeResolver(nodes: IndexedNode[]): NodeResolver {
  const byRelation = new Map<string, string>();
  const ordered = [
    ...nodes.filter(n => n.resourceType === 'model'),
    ...nodes.filter(n => n.resourceType !== 'model'),
  ];
  for (const node of ordered) {
    if (!node.relationName) continue;
    const key = normalizeRelationName(node.relationName);
    if (!byRelation.has(key)) byRelation.set(key, node.uniqueId);
  }
  const ids = ordered.map(n => n.uniqueId);
  return to => {
    const byName = byRelation.get(normalizeRelationName(to));
    if (byName) return byName;
    const reference = parseDbtReference(to);
    return reference
      ? ids.find(id => referenceMatches(reference, id)) ?? null
      : null;
  };
}

function columnLevelRelationships(
  node: IndexedNode,
  constraint: IndexedConstraint,
  toId: string,
): FoundRelationship[] {
  const column = constraint.column ?? '';
  const toColumns =
    constraint.toColumns.length > 0 ? constraint.toColumns : [column];
  const label = constraint.name
    ? node.meta.relationshipLabels[constraint.name] ?? null
    : null;
  return toColumns.map(toColumn => ({
    name: constraint.name ?? node.uniqueId,
    toId,
    fromId: node.uniqueId,
    toColumns: [toColumn],
    fromColumns: [column],
    cardinality: toCardinality(constraint.columnRelationshipType),
    label,
  }));
}

function modelLevelRelationship(
  node: IndexedNode,
  constraint: IndexedConstraint,
  toId: string,
): FoundRelationship {
  const name = constraint.name;
  return {
    name: name ?? node.uniqueId,
    toId,
    fromId: node.uniqueId,
    toColumns:
      constraint.toColumns.length > 0
        ? constraint.toColumns
        : constraint.columns,
    fromColumns: constraint.columns,
    cardinality: toCardinality(name ? node.meta.relationshipTypes[name] : null),
    label:
      (name ? node.meta.relationshipLabels[name] : null) ||
      node.meta.relationshipLabel ||
      null,
  };
}

function relationshipsOf(
  node: IndexedNode,
  resolve: NodeResolver,
): FoundRelationship[] {
  const found: FoundRelationship[] = [];
  // Column-level constraints first, then model-level, as dbterd lists them.
  for (const level of ['column', 'model'] as const) {
    for (const constraint of node.constraints) {
      if (
        constraint.level !== level ||
        constraint.type !== 'foreign_key' ||
        !constraint.to
      )
        continue;
      if (level === 'model' && constraint.columns.length === 0) continue;
      const toId = resolve(constraint.to);
      if (!toId) continue;
      if (level === 'column')
        found.push(...columnLevelRelationships(node, constraint, toId));
      else found.push(modelLevelRelationship(node, constraint, toId));
    }
  }
  return found;
}

/** node unique_id -> lower-cased columns of its primary_key constraints. */
function primaryKeysOf(nodes: IndexedNode[]): Map<string, Set<string>> {
  const primaryKeys = new Map<string, Set<string>>();
  for (const node of nodes) {
    const columns = node.constraints
      .filter(c => c.type === 'primary_key')
      .flatMap(c => (c.level === 'column' ? [c.column ?? ''] : c.columns));
    if (columns.length > 0)
      primaryKeys.set(
        node.uniqueId,
        new Set(columns.map(c => c.toLowerCase())),
      );
  }
  return primaryKeys;
}

/** Relationships from dbt model contract `foreign_key` constraints (dbt 1.9+, manifest v12). */
export const modelContractAlgorithm: ErdAlgorithm = {
  name: 'model_contract',
  description:
    'Relationships declared by dbt model contract foreign_key constraints',
  relevantTests: () => () => false,
  findRelationships(index: ArtifactIndex) {
    const resolve = nodeResolver(index.nodes);
    const relationships = index.nodes
      .filter(node => node.resourceType === 'model')
      .flatMap(node => relationshipsOf(node, resolve));
    return {
      relationships: uniqueRelationships(relationships),
      primaryKeys: primaryKeysOf(
        index.nodes.filter(n => n.resourceType !== 'source'),
      ),
    };
  },
};
