import { ErdInputError } from '../../errors';
import { diffJsonTarget } from './json';
import { diffMarkdownTarget } from './markdown';
import { ErdDiffTarget } from './types';

const TARGETS: readonly ErdDiffTarget[] = [diffJsonTarget, diffMarkdownTarget];

/** Names accepted by `getErdDiffTarget`. */
export const ERD_DIFF_TARGETS: readonly string[] = TARGETS.map(t => t.name);

export function getErdDiffTarget(name: string): ErdDiffTarget {
  const target = TARGETS.find(t => t.name === name);
  if (!target) {
    throw new ErdInputError(
      `diff target "${name}" is not supported; use one of ${ERD_DIFF_TARGETS.join(
        ', ',
      )}`,
    );
  }
  return target;
}
