import { ErdInputError } from '../errors';
import { algoName } from './algoRule';
import { modelContractAlgorithm } from './modelContract';
import { semanticAlgorithm } from './semantic';
import { testRelationshipAlgorithm } from './testRelationship';
import { ErdAlgorithm } from './types';

const ALGORITHMS: readonly ErdAlgorithm[] = [
  testRelationshipAlgorithm,
  semanticAlgorithm,
  modelContractAlgorithm,
];

/** Names accepted as the algorithm part of `ErdOptions.algo`. */
export const ERD_ALGORITHMS: readonly string[] = ALGORITHMS.map(a => a.name);

/** The algorithm an `--algo` value names (its rule, if any, is ignored here). */
export function getErdAlgorithm(algo: string): ErdAlgorithm {
  const name = algoName(algo);
  const algorithm = ALGORITHMS.find(a => a.name === name);
  if (!algorithm) {
    throw new ErdInputError(
      `algo "${algo}" is not supported; use one of ${ERD_ALGORITHMS.join(
        ', ',
      )}`,
    );
  }
  return algorithm;
}
