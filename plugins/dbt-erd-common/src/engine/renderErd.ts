import { getErdTarget } from './targets/registry';
import { Erd, RenderOptions } from './types';

/** The ERD in one of dbterd's formats (see ERD_TARGETS); byte-identical to dbterd's file. */
export function renderErd(
  erd: Erd,
  target: string,
  options: RenderOptions = {},
): string {
  return getErdTarget(target).render(erd, options);
}
