import { Erd, RenderOptions } from '../types';

/** One output format of dbterd. */
export interface ErdTarget {
  name: string;
  /** What a person calls the format, e.g. `PlantUML` (the tab's export menu). */
  label: string;
  /** The file name dbterd writes, e.g. `output.dbml`. */
  fileName: string;
  contentType: string;
  render(erd: Erd, options?: RenderOptions): string;
}
