import { ErdNode } from '../types';
import {
  DiffableEdge,
  RelationshipWhy,
  RemovedRelationshipReason,
} from './types';

/** The engine adds columns a relationship names but the catalog lacks as `unknown`. */
const SYNTHETIC_COLUMN_TYPE = 'unknown';

/** What went away with a relationship whose table and columns are still there. */
function sourceRemovedText(provenance: string | undefined): string {
  switch (provenance) {
    case 'semantic':
      return 'semantic entity deleted';
    case 'contract':
      return 'constraint deleted';
    case 'inferred':
      return 'no longer inferred';
    default:
      return 'test deleted';
  }
}

function missingColumn(
  baseNode: ErdNode | undefined,
  headNode: ErdNode,
  columns: string[],
): string | undefined {
  const present = new Set(headNode.columns.map(c => c.name));
  return columns.find(name => {
    if (present.has(name)) return false;
    // A column only the relationship itself put there leaves with it.
    const baseColumn = baseNode?.columns.find(c => c.name === name);
    return baseColumn?.data_type !== SYNTHETIC_COLUMN_TYPE;
  });
}

/**
 * Why a base relationship is not in head, the most fundamental cause first:
 * a table gone, then a column gone, else the test (or entity, constraint)
 * that declared it.
 */
export function explainRemoval(
  edge: DiffableEdge,
  base: ReadonlyMap<string, ErdNode>,
  head: ReadonlyMap<string, ErdNode>,
  displayName: (id: string) => string,
): RelationshipWhy<RemovedRelationshipReason> {
  const ends = [
    { id: edge.from_id, columns: edge.from_columns },
    { id: edge.to_id, columns: edge.to_columns },
  ];
  for (const end of ends) {
    if (!head.has(end.id)) {
      return {
        reason: 'table_removed',
        text: `table ${displayName(end.id)} removed`,
      };
    }
  }
  for (const end of ends) {
    const column = missingColumn(
      base.get(end.id),
      head.get(end.id)!,
      end.columns,
    );
    if (column !== undefined) {
      return {
        reason: 'column_removed',
        text: `column ${displayName(end.id)}.${column} removed`,
      };
    }
  }
  return { reason: 'test_removed', text: sourceRemovedText(edge.provenance) };
}
