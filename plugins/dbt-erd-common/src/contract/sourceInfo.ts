/** What every source reports: who it is and, when known, when and where to look. */
export interface SourceInfoBase {
  /** Local project name, dbt Cloud account name, or the URL of the artifacts folder. */
  name: string;
  /** When the artifacts were produced (a dbt Cloud run's finish), ISO 8601. */
  finishedAt?: string;
  /** Link a person can open: the dbt Cloud run, or the artifacts folder. */
  url?: string;
}

/** The ids a dbt Cloud source knows; the kind says which one it was asked by. */
export interface DbtCloudIds {
  jobId?: number;
  runId?: number;
  environmentId?: number;
  /** The dbt Cloud project of the run or environment, once a lookup named it (checked against an account's projectIds). */
  projectId?: number;
}

/** `getdbt.com/cloud-run-id`: one run's artifacts. */
export interface DbtCloudRunSourceInfo extends SourceInfoBase, DbtCloudIds {
  kind: 'dbt-cloud-run';
  runId: number;
}

/** `getdbt.com/cloud-job-id`: the job's latest successful run. */
export interface DbtCloudJobSourceInfo extends SourceInfoBase, DbtCloudIds {
  kind: 'dbt-cloud-job';
  jobId: number;
}

/** `getdbt.com/cloud-environment-id`: the environment's latest artifacts. */
export interface DbtCloudEnvironmentSourceInfo
  extends SourceInfoBase,
    DbtCloudIds {
  kind: 'dbt-cloud-environment';
  environmentId: number;
}

/** dbt Cloud's Discovery API (GraphQL) for an environment, instead of artifacts. */
export interface DbtCloudDiscoverySourceInfo
  extends SourceInfoBase,
    DbtCloudIds {
  kind: 'dbt-cloud-discovery';
  environmentId: number;
}

/** Sources outside dbt Cloud have no dbt Cloud ids (declared, so that any source may be asked). */
export interface NoDbtCloudIds {
  jobId?: undefined;
  runId?: undefined;
  environmentId?: undefined;
  projectId?: undefined;
}

/** `getdbt.com/artifacts-url`: a folder read through Backstage's UrlReader. */
export interface UrlSourceInfo extends SourceInfoBase, NoDbtCloudIds {
  kind: 'url';
}

/** A project from app-config's `dbtErd.localProjects`. */
export interface LocalSourceInfo extends SourceInfoBase, NoDbtCloudIds {
  kind: 'local';
}

/**
 * Where an ERD's artifacts came from, as the tab's header shows it. A union
 * on `kind`, so that only dbt Cloud sources are ever described as dbt Cloud.
 */
export type ErdSourceInfo =
  | DbtCloudRunSourceInfo
  | DbtCloudJobSourceInfo
  | DbtCloudEnvironmentSourceInfo
  | DbtCloudDiscoverySourceInfo
  | UrlSourceInfo
  | LocalSourceInfo;

/** Every `kind` of ErdSourceInfo. */
export type ErdSourceKind = ErdSourceInfo['kind'];

/** The dbt Cloud kinds of source. */
export type DbtCloudSourceInfo = Extract<
  ErdSourceInfo,
  { kind: `dbt-cloud-${string}` }
>;

/** Whether the artifacts came from dbt Cloud (its runs, jobs, environments or Discovery API). */
export function isDbtCloudSource(
  source: ErdSourceInfo,
): source is DbtCloudSourceInfo {
  return source.kind.startsWith('dbt-cloud-');
}

/** "dbt Cloud acme, job 42, run 1001" / "local demo" / "artifacts at https://…". */
export function describeErdSource(source: ErdSourceInfo): string {
  switch (source.kind) {
    case 'local':
      return `local ${source.name}`;
    case 'url':
      return `artifacts at ${source.name}`;
    default: {
      const parts = [`dbt Cloud ${source.name}`];
      if (source.kind === 'dbt-cloud-discovery') parts.push('Discovery API');
      if (source.jobId !== undefined) parts.push(`job ${source.jobId}`);
      if (source.environmentId !== undefined)
        parts.push(`environment ${source.environmentId}`);
      if (source.runId !== undefined) parts.push(`run ${source.runId}`);
      return parts.join(', ');
    }
  }
}

/** What a link to the source opens, in words: "the dbt Cloud run" or "the artifacts folder". */
export function sourceLinkText(source: ErdSourceInfo): string {
  return isDbtCloudSource(source)
    ? 'View run in dbt Cloud'
    : 'Open the artifacts folder';
}
