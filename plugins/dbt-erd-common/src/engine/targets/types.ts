import { Erd, RenderOptions } from '../types';

/** One output format of dbterd. */
export interface ErdTarget {
  name: string;
  /** The file name dbterd writes, e.g. `output.dbml`. */
  fileName: string;
  contentType: string;
  render(erd: Erd, options?: RenderOptions): string;
}
