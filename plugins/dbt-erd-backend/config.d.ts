/*
 * Configuration of the dbt-erd backend plugin. See the plugin README for a
 * full example. Keys not listed here are refused at start-up, naming the key.
 */
export interface Config {
  dbtErd?: {
    cloud?: {
      /** Time-out of one dbt Cloud API request, and the longest silence during a download. Default 30 seconds. */
      timeout?: import('@backstage/types').HumanDuration | string;
      /**
       * How long an account is left alone after dbt Cloud answers 429 without
       * Retry-After (dbt Cloud documents a five-minute cool-down). Shared by
       * replicas through the cache. Default 5 minutes.
       */
      rateLimitCoolDown?: import('@backstage/types').HumanDuration | string;
      /** Largest manifest.json or catalog.json accepted, in bytes. Default 536870912 (512 MB). */
      maxArtifactBytes?: number;
      /** dbt Cloud accounts the plugin may read runs from. */
      accounts?: Array<{
        /** Name referenced by the `getdbt.com/cloud-account` annotation. */
        name: string;
        /** Numeric dbt Cloud account id. */
        accountId: number | string;
        /**
         * The account's own access URL, from dbt Cloud's Account settings →
         * Access URLs, e.g. https://ab123.us1.dbt.com. Required: there is no
         * default. https only (http is accepted on loopback addresses). The
         * legacy region URLs (cloud.getdbt.com, emea.dbt.com, au.dbt.com)
         * start with a warning.
         */
        accessUrl: string;
        /**
         * dbt Cloud service token with read access to runs and artifacts.
         * @visibility secret
         */
        token: string;
        /** Discovery API (GraphQL) endpoint; derived from accessUrl when unset. */
        discoveryUrl?: string;
        /**
         * dbt Cloud project ids this account entry serves. A run, job or
         * environment of another project is refused (403) before anything
         * is downloaded. Unset: every project the token can read.
         */
        projectIds?: Array<number | string>;
        /**
         * Owners (entity refs of groups or users, e.g. group:default/team-a;
         * a bare name means a group in the default namespace) whose entities
         * may use this account. Unset, with allowedNamespaces unset too:
         * every entity may.
         */
        allowedOwners?: string[];
        /** Catalog namespaces whose entities may use this account (in addition to allowedOwners). */
        allowedNamespaces?: string[];
      }>;
    };
    /** Artifact folders on the backend host, referenced as `local:<name>`. */
    localProjects?: Array<{
      /** Name referenced by `getdbt.com/artifacts-location: local:<name>`. */
      name: string;
      /** Folder holding manifest.json (and optionally catalog.json); relative paths resolve from the backend's working directory. */
      path: string;
      /** Owners (entity refs) whose entities may use this project; see the accounts' allowedOwners. */
      allowedOwners?: string[];
      /** Catalog namespaces whose entities may use this project. */
      allowedNamespaces?: string[];
    }>;
    /** Engine options used when an entity's annotations do not set them. */
    defaults?: {
      /** test_relationship (default), semantic, model_contract, inferred, a custom rule, or several joined with commas (test_relationship,inferred). */
      algo?: string;
      /** model, source, seed, snapshot; default model. */
      resourceTypes?: string[];
      /** Dot-separated parts of resource, package, model, database, schema, table. */
      entityNameFormat?: string;
      /** Dot-separated table attributes to group by, e.g. database.schema. */
      entityGroup?: string;
    };
    /**
     * Pre-builds the ERD of every annotated entity on a schedule (off unless
     * set), so the first visit after a new dbt Cloud run is served from cache.
     * Runs on one replica at a time.
     */
    prebuild?: {
      schedule: import('@backstage/backend-plugin-api').SchedulerServiceTaskScheduleDefinitionConfig;
    };
    cache?: {
      /** How long an artifact version's index is kept in the shared cache. Default 30 minutes. */
      ttl?: import('@backstage/types').HumanDuration | string;
      /** Bytes of gzipped served ERDs each replica keeps in memory (least recently used out). Default 268435456 (256 MB). */
      servedBytes?: number;
      /** Size (JSON characters) of decoded project indexes each replica keeps in memory. Default 134217728 (128 M). */
      indexBytes?: number;
    };
    /** Bounds on artifact downloads and indexing (builds); further builds wait in order. */
    builds?: {
      /** Builds at once per replica. Default 2. */
      concurrency?: number;
      /** Builds at once per dbt Cloud account, per replica. Default 1. */
      concurrencyPerAccount?: number;
    };
  };
}
