import {
  ErdInputError,
  ErdOptions,
  ErdTarget,
  getErdTarget,
  RenderOptions,
  resolveErdOptions,
} from 'backstage-plugin-dbt-erd-common';
import { CliUsageError } from './cliErrors';
import { RunFlags } from './RunFlags';

/** What to build and how to render it, from the `run` flags. */
export interface ErdSettings {
  buildOptions: ErdOptions;
  target: ErdTarget;
  renderOptions: RenderOptions;
  fileName: string;
}

/** The flags that decide what the ERD holds; throws ErdInputError. */
export type ErdSelectionFlags = Pick<
  RunFlags,
  | 'algo'
  | 'select'
  | 'exclude'
  | 'resourceType'
  | 'entityNameFormat'
  | 'entityGroup'
>;

export function erdBuildOptionsFromFlags(flags: ErdSelectionFlags): ErdOptions {
  return resolveErdOptions({
    algo: flags.algo,
    select: flags.select,
    exclude: flags.exclude,
    resourceTypes: flags.resourceType,
    entityNameFormat: flags.entityNameFormat,
    entityGroup: flags.entityGroup,
  });
}

/**
 * Checked before any artifact is read or downloaded: a typo in a flag is a
 * usage error (exit 2), and should not wait for a large manifest.
 */
export function erdSettingsFromFlags(flags: RunFlags): ErdSettings {
  try {
    const buildOptions = erdBuildOptionsFromFlags(flags);
    const target = getErdTarget(flags.target.trim());
    const fileName = flags.outputFileName?.trim() || target.fileName;
    return {
      buildOptions,
      target,
      renderOptions: {
        omitColumns: flags.omitColumns,
        omitEntityNameQuotes: flags.omitEntityNameQuotes,
        // dbterd's drawdb target titles the diagram with -ofn when given.
        title: flags.outputFileName?.trim() || undefined,
      },
      fileName,
    };
  } catch (error) {
    if (error instanceof ErdInputError) throw new CliUsageError(error.message);
    throw error;
  }
}
