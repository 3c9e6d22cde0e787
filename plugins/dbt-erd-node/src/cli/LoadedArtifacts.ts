/** The parsed artifacts the ERD is built from, wherever they came from. */
export interface LoadedArtifacts {
  manifest: unknown;
  catalog?: unknown;
  /** Things to tell the user about the download (e.g. catalog.json missing). */
  warnings: string[];
  /** A warning about the missing catalog was already given; the engine's would repeat it. */
  catalogWarned?: boolean;
}
