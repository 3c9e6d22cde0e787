import { ArtifactInput } from 'backstage-plugin-dbt-erd-common';

/**
 * What the CLI builds an ERD from, wherever it came from: the engine's one
 * input (bytes of manifest.json and catalog.json, plus warnings).
 */
export type LoadedArtifacts = ArtifactInput & {
  /** Where the files came from, for errors: a folder, or a dbt Cloud run or job. */
  origin: string;
  /** A warning about the missing catalog was already given; the engine's would repeat it. */
  catalogWarned?: boolean;
};
