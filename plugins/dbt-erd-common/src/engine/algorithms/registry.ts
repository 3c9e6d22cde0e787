import { ErdInputError } from '../errors';
import { algoName } from './algoRule';
import { combineAlgorithms, splitAlgo } from './combined';
import { inferredAlgorithm } from './inferred/inferred';
import { modelContractAlgorithm } from './modelContract';
import { semanticAlgorithm } from './semantic';
import { testRelationshipAlgorithm } from './testRelationship';
import { ErdAlgorithm } from './types';

const ALGORITHMS: readonly ErdAlgorithm[] = [
  testRelationshipAlgorithm,
  semanticAlgorithm,
  modelContractAlgorithm,
  inferredAlgorithm,
];

/** Names accepted as the algorithm part of `ErdOptions.algo`. */
export const ERD_ALGORITHMS: readonly string[] = ALGORITHMS.map(a => a.name);

function singleAlgorithm(algo: string, whole: string): ErdAlgorithm {
  const name = algoName(algo);
  const algorithm = ALGORITHMS.find(a => a.name === name);
  if (!algorithm) {
    throw new ErdInputError(
      `algo "${whole}" is not supported; use one of ${ERD_ALGORITHMS.join(
        ', ',
      )}, or several joined with commas (test_relationship,inferred)`,
    );
  }
  return algorithm;
}

/**
 * The algorithm an `--algo` value names (its rule, if any, is ignored here);
 * several names joined with commas give their union (see combineAlgorithms).
 */
export function getErdAlgorithm(algo: string): ErdAlgorithm {
  const parts = splitAlgo(algo);
  if (parts.length === 1) return singleAlgorithm(algo, algo);
  if (parts.some(p => p === '')) {
    throw new ErdInputError(
      `algo "${algo}": an algorithm name is empty; join names with single commas (test_relationship,inferred)`,
    );
  }
  return combineAlgorithms(
    parts.map(part => ({ algorithm: singleAlgorithm(part, algo), algo: part })),
  );
}
