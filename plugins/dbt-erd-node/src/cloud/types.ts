/** The artifacts the ERD reads from a dbt Cloud run. */
export type DbtCloudArtifactFile = 'manifest.json' | 'catalog.json';

/** The parts of a dbt Cloud run the plugin shows or keys caches on. */
export interface DbtCloudRun {
  id: number;
  jobId?: number;
  projectId?: number;
  environmentId?: number;
  /** 1 queued, 2 starting, 3 running, 10 success, 20 error, 30 cancelled. */
  status?: number;
  finishedAt?: string;
  hasDocsGenerated?: boolean;
  /** Queued, starting or running. */
  inProgress?: boolean;
  /** Finished, whatever the outcome. */
  isComplete?: boolean;
  /** false when the run saved no artifacts at all. */
  artifactsSaved?: boolean;
  /** The run's page in dbt Cloud, for people to open. */
  url: string;
}

/** The parts of a dbt Cloud environment the plugin checks. */
export interface DbtCloudEnvironment {
  id: number;
  projectId: number;
  name?: string;
}

/**
 * What `DbtCloudClient.readRunArtifacts` hands its reader: the manifest as
 * it streams in, and the catalog (a tenth of the size) already in.
 */
export interface DbtCloudArtifactStreams {
  /** manifest.json's bytes as they arrive, cut off past `maxArtifactBytes`. */
  manifest: AsyncIterable<Uint8Array>;
  /** catalog.json's bytes; absent when dbt Cloud has none for the run (404). */
  catalog?: Uint8Array;
  /** The run the artifacts come from. */
  run: DbtCloudRun;
  /** Things a person should know, e.g. that catalog.json was missing. */
  warnings: string[];
}

/** manifest.json and catalog.json of one run (or a job's latest), parsed. */
export interface DbtCloudArtifacts {
  manifest: unknown;
  /** Absent when dbt Cloud has no catalog.json for the run (404). */
  catalog?: unknown;
  /** The run the artifacts came from; absent for a job's latest artifacts. */
  run?: DbtCloudRun;
  /** Things a person should know, e.g. that catalog.json was missing. */
  warnings: string[];
}
