import { FoundRelationship } from './types';

/** Drops repeats of the same tables and columns; the first one found wins, as in dbterd. */
export function uniqueRelationships(
  relationships: FoundRelationship[],
): FoundRelationship[] {
  const seen = new Set<string>();
  return relationships.filter(relationship => {
    const key = JSON.stringify([
      relationship.toId,
      relationship.fromId,
      relationship.toColumns,
      relationship.fromColumns,
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
