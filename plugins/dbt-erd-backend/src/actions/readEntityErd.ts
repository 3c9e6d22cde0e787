import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ErdInputError,
  ErdTableNotFoundError,
} from 'backstage-plugin-dbt-erd-common';
import { ErdReadPermissions } from '../services/access/ErdReadPermissions';
import { ErdResponse, ErdService } from '../services/ErdService';
import {
  loadReadableEntity,
  readEntityRef,
} from '../services/loadReadableEntity';

/** The zod the actions registry hands to schema functions (its own zod/v3). */
type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** Every dbt-erd action only reads, so an agent may call it freely and again. */
export const READ_ONLY_ACTION = { readOnly: true, idempotent: true } as const;

/** The input field naming the dbt project's entity, shared by every action. */
export const entityRefInput = (z: Zod) =>
  z
    .string()
    .describe(
      'Catalog entity of the dbt project, e.g. component:default/acme-analytics-dbt',
    );

/** What every dbt-erd action needs. */
export interface ErdActionsContext {
  catalog: CatalogService;
  erdService: ErdService;
  /** dbt-erd.erd.read, checked as on the HTTP routes: denied reads as not found. */
  readPermissions: ErdReadPermissions;
}

/**
 * The entity's ERD as the tab shows it, read with the caller's credentials
 * exactly like the HTTP routes: an entity they may not see does not exist.
 */
export async function readEntityErd(
  { catalog, erdService, readPermissions }: ErdActionsContext,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<{ entityRef: string; erd: ErdResponse }> {
  const ref = readEntityRef(entityRef);
  const entity = await loadReadableEntity(
    catalog,
    ref,
    credentials,
    readPermissions,
  );
  return {
    entityRef: stringifyEntityRef(entity),
    erd: await erdService.getErd(entity),
  };
}

/** Engine errors as Backstage errors: a table it does not know is a 404, other bad input a 400. */
export function asActionError(error: unknown): unknown {
  if (error instanceof ErdTableNotFoundError)
    return new NotFoundError(error.message);
  if (error instanceof ErdInputError) return new InputError(error.message);
  return error;
}
