/** The `run` flags as commander parses them (camelCased long names). */
export interface RunFlags {
  artifactsDir?: string;
  target: string;
  algo: string;
  select: string[];
  exclude: string[];
  /** Unset when no -rt was given: dbterd's default (model) applies. */
  resourceType?: string[];
  entityNameFormat?: string;
  entityGroup?: string;
  omitColumns: boolean;
  omitEntityNameQuotes: boolean;
  output: string;
  outputFileName?: string;
  dbtCloud: boolean;
  dbtCloudHostUrl?: string;
  dbtCloudAccountId?: string;
  dbtCloudRunId?: string;
  dbtCloudJobId?: string;
  dbtCloudServiceToken?: string;
  dbtCloudApiVersion?: string;
}

/** The flags that say where in dbt Cloud artifacts come from (`--dbt-cloud*`). */
export type DbtCloudFlags = Pick<
  RunFlags,
  'dbtCloud' | Extract<keyof RunFlags, `dbtCloud${string}`>
>;
