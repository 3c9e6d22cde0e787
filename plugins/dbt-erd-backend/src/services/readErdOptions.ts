import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DBT_ERD_ALGO_ANNOTATION,
  DBT_ERD_ENTITY_GROUP_ANNOTATION,
  DBT_ERD_ENTITY_NAME_FORMAT_ANNOTATION,
  DBT_ERD_EXCLUDE_ANNOTATION,
  DBT_ERD_RESOURCE_TYPES_ANNOTATION,
  DBT_ERD_SELECT_ANNOTATION,
  ErdOptions,
} from 'backstage-plugin-dbt-erd-common';

/** Query parameters that may narrow an entity's ERD options. */
export interface ErdOptionsQuery {
  select?: string | string[];
  exclude?: string | string[];
  resourceTypes?: string | string[];
  algo?: string;
  entityNameFormat?: string;
  entityGroup?: string;
}

const MAX_OPTION_LENGTH = 2000;

/**
 * Merges engine options: query parameters win over the entity's annotations,
 * which win over app-config defaults. Lists are whitespace separated in
 * annotations (as dbterd's repeatable flags) and repeatable in the query.
 */
export function readErdOptions(
  entity: Entity,
  query: ErdOptionsQuery,
  defaults: Partial<ErdOptions>,
): Partial<ErdOptions> {
  const annotations = entity.metadata.annotations ?? {};
  const options: Partial<ErdOptions> = { ...defaults };

  const list = (value: string | string[] | undefined, name: string) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value])
          .flatMap(v => checked(v, name).split(/\s+/))
          .filter(Boolean);
  const single = (value: string | undefined, name: string) =>
    value === undefined ? undefined : checked(value, name).trim() || undefined;

  const select =
    list(query.select, 'select') ??
    list(annotations[DBT_ERD_SELECT_ANNOTATION], DBT_ERD_SELECT_ANNOTATION);
  if (select) options.select = select;
  const exclude =
    list(query.exclude, 'exclude') ??
    list(annotations[DBT_ERD_EXCLUDE_ANNOTATION], DBT_ERD_EXCLUDE_ANNOTATION);
  if (exclude) options.exclude = exclude;
  const resourceTypes =
    list(query.resourceTypes, 'resourceTypes') ??
    list(
      annotations[DBT_ERD_RESOURCE_TYPES_ANNOTATION]?.replace(/,/g, ' '),
      DBT_ERD_RESOURCE_TYPES_ANNOTATION,
    );
  if (resourceTypes?.length) options.resourceTypes = resourceTypes;
  const algo =
    single(query.algo, 'algo') ??
    single(annotations[DBT_ERD_ALGO_ANNOTATION], DBT_ERD_ALGO_ANNOTATION);
  if (algo) options.algo = algo;
  const entityNameFormat =
    single(query.entityNameFormat, 'entityNameFormat') ??
    single(
      annotations[DBT_ERD_ENTITY_NAME_FORMAT_ANNOTATION],
      DBT_ERD_ENTITY_NAME_FORMAT_ANNOTATION,
    );
  if (entityNameFormat) options.entityNameFormat = entityNameFormat;
  const entityGroup =
    single(query.entityGroup, 'entityGroup') ??
    single(
      annotations[DBT_ERD_ENTITY_GROUP_ANNOTATION],
      DBT_ERD_ENTITY_GROUP_ANNOTATION,
    );
  if (entityGroup) options.entityGroup = entityGroup;
  return options;
}

function checked(value: unknown, name: string): string {
  if (typeof value !== 'string') {
    throw new InputError(`${name} must be a string`);
  }
  if (value.length > MAX_OPTION_LENGTH) {
    throw new InputError(
      `${name} is ${value.length} characters long; the limit is ${MAX_OPTION_LENGTH}`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) {
    throw new InputError(`${name} contains control characters; remove them`);
  }
  return value;
}
