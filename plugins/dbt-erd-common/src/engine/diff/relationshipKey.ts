import { RelationshipEnds } from './types';

/**
 * A relationship's identity across runs: which columns of which table point
 * at which columns of which other table. Column order is kept, since the
 * columns of a composite key pair up by position.
 */
export function relationshipKey(edge: RelationshipEnds): string {
  return `${edge.from_id}(${edge.from_columns.join(',')}) -> ${
    edge.to_id
  }(${edge.to_columns.join(',')})`;
}
