import { ErdInputError } from '../errors';
import { EdgeProvenance } from '../types';
import { algoName } from './algoRule';
import { ErdAlgorithm, FoundRelationship } from './types';

/** The provenance each algorithm's edges carry when algorithms are combined. */
export const PROVENANCE_BY_ALGORITHM: Record<string, EdgeProvenance> = {
  test_relationship: 'test',
  semantic: 'semantic',
  model_contract: 'contract',
  inferred: 'inferred',
};

/** `test_relationship:(name:x|...),inferred` -> its parts; commas inside a rule's parentheses stay. */
export function splitAlgo(algo: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of algo) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

function fromKey(r: FoundRelationship): string {
  return JSON.stringify([r.fromId, r.fromColumns]);
}

/** The edge's two ends, either direction; `from` is fromKey(r). */
function endsKey(r: FoundRelationship, from: string): string {
  const to = JSON.stringify([r.toId, r.toColumns]);
  return from < to ? `${from}|${to}` : `${to}|${from}`;
}

/**
 * The union of several algorithms' relationships (`test_relationship,inferred`).
 * Every edge keeps its provenance; a declared relationship (test, semantic,
 * contract) wins over an inferred one between the same columns, or from the
 * same FK column.
 */
export function combineAlgorithms(
  parts: { algorithm: ErdAlgorithm; algo: string }[],
): ErdAlgorithm {
  const names = parts.map(p => algoName(p.algo));
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) {
    throw new ErdInputError(
      `algo "${parts
        .map(p => p.algo)
        .join(',')}": "${repeated}" is named twice; name each algorithm once`,
    );
  }
  const ordered = [
    ...parts.filter(p => p.algorithm.name !== 'inferred'),
    ...parts.filter(p => p.algorithm.name === 'inferred'),
  ];
  return {
    name: names.join(','),
    description: `Union of ${names.join(', ')}`,
    validate: () =>
      parts.forEach(p => p.algorithm.validate?.({ algo: p.algo })),
    relevantTests: () => {
      const filters = parts.map(
        p => p.algorithm.relevantTests?.({ algo: p.algo }) ?? (() => true),
      );
      return id => filters.some(f => f(id));
    },
    readsNodes: parts.every(p => p.algorithm.readsNodes === false)
      ? false
      : undefined,
    readsModelSql: parts.some(p => p.algorithm.readsModelSql),
    findRelationships(index, options) {
      const relationships: FoundRelationship[] = [];
      const warnings: string[] = [];
      const primaryKeys = new Map<string, Set<string>>();
      const declaredEnds = new Set<string>();
      const declaredFrom = new Set<string>();
      let inference;
      for (const part of ordered) {
        const provenance = PROVENANCE_BY_ALGORITHM[part.algorithm.name];
        const found = part.algorithm.findRelationships(index, {
          ...options,
          algo: part.algo,
        });
        warnings.push(...(found.warnings ?? []));
        inference ??= found.inference;
        for (const [id, keys] of found.primaryKeys ?? []) {
          const known = primaryKeys.get(id) ?? new Set<string>();
          keys.forEach(k => known.add(k));
          primaryKeys.set(id, known);
        }
        for (const relationship of found.relationships) {
          const from = fromKey(relationship);
          const ends = endsKey(relationship, from);
          if (declaredEnds.has(ends)) continue;
          if (provenance === 'inferred' && declaredFrom.has(from)) continue;
          if (provenance !== 'inferred') {
            declaredEnds.add(ends);
            declaredFrom.add(from);
          }
          relationships.push({ ...relationship, provenance });
        }
      }
      return { relationships, primaryKeys, warnings, inference };
    },
  };
}
