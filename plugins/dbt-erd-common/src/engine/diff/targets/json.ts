import { ErdDiffTarget } from './types';

/** The diff document itself, `erd-diff.json`. */
export const diffJsonTarget: ErdDiffTarget = {
  name: 'json',
  fileName: 'erd-diff.json',
  contentType: 'application/json; charset=utf-8',
  render: diff => `${JSON.stringify(diff, null, 2)}\n`,
};
