import { Erd } from '../../types';
import { ErdDiff } from '../types';

/** The two ERDs a diff was taken from; some targets draw them. */
export interface DiffedErds {
  base: Erd;
  head: Erd;
}

/** One output format of an ERD diff (`dbt-erd diff -t ...`). */
export interface ErdDiffTarget {
  name: string;
  /** e.g. `erd-diff.json`. */
  fileName: string;
  contentType: string;
  render(diff: ErdDiff, erds: DiffedErds): string;
}
