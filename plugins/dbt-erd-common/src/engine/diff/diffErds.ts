import { Erd, ErdNode } from '../types';
import { diffRelationships } from './diffRelationships';
import { diffTables } from './diffTables';
import { displayNames } from './displayNames';
import { DiffableEdge, ErdDiff, ErdDiffSide } from './types';

/** How to name the two sides in the diff document. */
export interface DiffSources {
  /** e.g. the base artifacts folder, `dbt Cloud run 41`. */
  base?: string;
  head?: string;
}

function sideOf(erd: Erd, source: string | undefined): ErdDiffSide {
  return {
    generated_at: erd.metadata.generated_at,
    dbt_project_name: erd.metadata.dbt_project_name,
    source: source ?? null,
  };
}

function nodesById(erd: Erd): Map<string, ErdNode> {
  return new Map(erd.nodes.map(node => [node.id, node]));
}

/**
 * What changed from `base` to `head`: tables by node id, their columns by
 * name, relationships by identity (from table + columns → to table +
 * columns), with a reason for each removed or changed relationship. Pure and
 * deterministic: every list is sorted, so equal inputs give equal documents.
 */
export function diffErds(
  base: Erd,
  head: Erd,
  sources: DiffSources = {},
): ErdDiff {
  const baseNodes = nodesById(base);
  const headNodes = nodesById(head);
  const tables = diffTables(baseNodes, headNodes);
  const relationships = diffRelationships(
    { nodes: baseNodes, edges: base.edges as DiffableEdge[] },
    { nodes: headNodes, edges: head.edges as DiffableEdge[] },
    displayNames([...baseNodes.keys(), ...headNodes.keys()]),
  );
  const columnCount = (part: 'added' | 'removed' | 'changed') =>
    tables.changed.reduce((sum, t) => sum + t.columns[part].length, 0);
  return {
    base: sideOf(base, sources.base),
    head: sideOf(head, sources.head),
    summary: {
      tables: {
        added: tables.added.length,
        removed: tables.removed.length,
        changed: tables.changed.length,
      },
      columns: {
        added: columnCount('added'),
        removed: columnCount('removed'),
        changed: columnCount('changed'),
      },
      relationships: {
        added: relationships.added.length,
        removed: relationships.removed.length,
        changed: relationships.changed.length,
      },
    },
    tables,
    relationships,
  };
}

/** Whether the diff found nothing at all. */
export function isEmptyDiff(diff: ErdDiff): boolean {
  const { tables, relationships } = diff;
  return [
    tables.added,
    tables.removed,
    tables.changed,
    relationships.added,
    relationships.removed,
    relationships.changed,
  ].every(list => list.length === 0);
}
