import { Cardinality } from '../types';

const CARDINALITY_BY_META: Record<string, Cardinality> = {
  'zero-to-many': '0n',
  'zero-to-one': '01',
  'one-to-one': '11',
  'many-to-many': 'nn',
  'one-to-many': '1n',
};

/** `meta.relationship_type` -> cardinality; anything else is many-to-one. */
export function toCardinality(
  relationshipType: string | null | undefined,
): Cardinality {
  return CARDINALITY_BY_META[(relationshipType ?? '').toLowerCase()] ?? 'n1';
}
