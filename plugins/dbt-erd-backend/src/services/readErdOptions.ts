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
 * Merges engine options. The entity's annotations win over app-config
 * defaults; query parameters then narrow the result and can never widen it,
 * since an annotation may be all that keeps a team's slice of a shared
 * project (and, with `?format=json`, its compiled SQL) to that slice:
 * select is the annotation's AND the query's, exclude is their union, resource
 * types their intersection, and empty query values are ignored. Only `algo`,
 * `entityNameFormat` and `entityGroup`, which change how tables are drawn and
 * not which, are replaced by the query. Lists are whitespace separated in
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

  const select = list(
    annotations[DBT_ERD_SELECT_ANNOTATION],
    DBT_ERD_SELECT_ANNOTATION,
  );
  if (select) options.select = select;
  const querySelect = list(query.select, 'select');
  if (querySelect?.length) {
    options.narrowSelect = [...(options.narrowSelect ?? []), querySelect];
  }

  const exclude = list(
    annotations[DBT_ERD_EXCLUDE_ANNOTATION],
    DBT_ERD_EXCLUDE_ANNOTATION,
  );
  if (exclude) options.exclude = exclude;
  const queryExclude = list(query.exclude, 'exclude');
  if (queryExclude?.length) {
    options.exclude = [...(options.exclude ?? []), ...queryExclude];
  }

  const resourceTypes = list(
    annotations[DBT_ERD_RESOURCE_TYPES_ANNOTATION]?.replace(/,/g, ' '),
    DBT_ERD_RESOURCE_TYPES_ANNOTATION,
  );
  if (resourceTypes?.length) options.resourceTypes = resourceTypes;
  const queryResourceTypes = list(query.resourceTypes, 'resourceTypes');
  if (queryResourceTypes?.length) {
    options.resourceTypes = narrowResourceTypes(
      options.resourceTypes,
      queryResourceTypes,
    );
  }

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

/** The query's resource types within the entity's; an empty list would mean every type. */
function narrowResourceTypes(
  allowed: string[] | undefined,
  asked: string[],
): string[] {
  if (!allowed?.length) return asked;
  const normalise = (type: string) => type.trim().toLowerCase();
  const allowedSet = new Set(allowed.map(normalise));
  const narrowed = asked.filter(type => allowedSet.has(normalise(type)));
  if (narrowed.length === 0) {
    throw new InputError(
      `resourceTypes ${asked.join(', ')}: this entity's ERD draws only ` +
        `${allowed.join(
          ', ',
        )}; ask for some of those, or leave resourceTypes out`,
    );
  }
  return narrowed;
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
