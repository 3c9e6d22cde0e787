/**
 * Catalog annotations that link an entity to a dbt project, and the ERD
 * options an entity may narrow. Defined once here; the backend reads them,
 * the frontend uses them to decide whether to show the ERD tab.
 */

/** Latest successful dbt Cloud run of this job that generated docs. */
export const DBT_CLOUD_JOB_ID_ANNOTATION = 'getdbt.com/cloud-job-id';
/** One pinned dbt Cloud run; wins over the job. */
export const DBT_CLOUD_RUN_ID_ANNOTATION = 'getdbt.com/cloud-run-id';
/** A dbt Cloud environment read through the Discovery API. */
export const DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION =
  'getdbt.com/cloud-environment-id';
/**
 * Optional: a dbt Cloud CI job of the same account. The tab then offers
 * "Compare with the latest CI run" (the diff route's `base=ci`).
 */
export const DBT_CLOUD_CI_JOB_ID_ANNOTATION = 'getdbt.com/cloud-ci-job-id';
/** Which configured dbt Cloud account to use (optional with one account). */
export const DBT_CLOUD_ACCOUNT_ANNOTATION = 'getdbt.com/cloud-account';
/** `url:<folder URL>` or `local:<configured project name>`. */
export const DBT_ARTIFACTS_LOCATION_ANNOTATION =
  'getdbt.com/artifacts-location';

export const DBT_ERD_SELECT_ANNOTATION = 'getdbt.com/erd-select';
export const DBT_ERD_EXCLUDE_ANNOTATION = 'getdbt.com/erd-exclude';
export const DBT_ERD_RESOURCE_TYPES_ANNOTATION =
  'getdbt.com/erd-resource-types';
export const DBT_ERD_ALGO_ANNOTATION = 'getdbt.com/erd-algo';
export const DBT_ERD_ENTITY_NAME_FORMAT_ANNOTATION =
  'getdbt.com/erd-entity-name-format';
export const DBT_ERD_ENTITY_GROUP_ANNOTATION = 'getdbt.com/erd-entity-group';

/** Any one of these makes an entity show an ERD. */
export const DBT_SOURCE_ANNOTATIONS = [
  DBT_CLOUD_JOB_ID_ANNOTATION,
  DBT_CLOUD_RUN_ID_ANNOTATION,
  DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION,
  DBT_ARTIFACTS_LOCATION_ANNOTATION,
] as const;

/** The structural part of a catalog entity that these helpers read. */
export interface EntityWithAnnotations {
  metadata: { annotations?: Record<string, string | undefined> };
}

/** True when the entity names a dbt project to draw. */
export function isDbtErdAvailable(entity: EntityWithAnnotations): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return DBT_SOURCE_ANNOTATIONS.some(name =>
    Boolean(annotations[name]?.trim()),
  );
}
