import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ErdReadPermissions } from './access/ErdReadPermissions';

/** `component:default/x` (namespace optional) as a ref, or an InputError saying how to write one. */
export function readEntityRef(entityRef: string): CompoundEntityRef {
  try {
    return parseEntityRef(entityRef, { defaultNamespace: 'default' });
  } catch {
    throw new InputError(
      `'${entityRef}' is not an entity ref; write kind:namespace/name, e.g. component:default/my-dbt-project`,
    );
  }
}

/**
 * The entity, read with the caller's own credentials, whose ERD they may
 * read (dbt-erd.erd.read): an entity they may not read, or whose ERD they
 * may not read, is a NotFoundError, the same answer as for one that does
 * not exist, so nobody learns which private entities there are.
 */
export async function loadReadableEntity(
  catalog: CatalogService,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials,
  readPermissions: ErdReadPermissions,
): Promise<Entity> {
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(`Entity ${stringifyEntityRef(ref)} not found`);
  }
  await readPermissions.assertMayRead(entity, credentials);
  return entity;
}
