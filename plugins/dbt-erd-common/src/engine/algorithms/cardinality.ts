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
  const key = (relationshipType ?? '').toLowerCase();
  // Own keys only: `constructor` or `__proto__` must not reach Object.prototype.
  return Object.hasOwn(CARDINALITY_BY_META, key)
    ? CARDINALITY_BY_META[key]
    : 'n1';
}
