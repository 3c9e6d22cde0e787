import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ErdReadPermissions } from './access/ErdReadPermissions';
import { loadReadableEntity } from './loadReadableEntity';
import { SingleFlight } from './SingleFlight';

/**
 * `loadReadableEntity` for the HTTP routes, with identical concurrent
 * lookups shared: while one principal's catalog lookup and dbt-erd.erd.read
 * check of an entity are in flight, that principal's other requests for
 * the same entity wait for them instead of asking the catalog and the
 * permission backend again (a tab opened twice, a burst of one user's
 * requests). Only while in flight: nothing is kept once they settle, so a
 * revoked access is seen by the next request, and a principal never gets
 * another principal's answer (the key is the whole principal: user and
 * actor, or service subject and its access restrictions). One shared
 * lookup is one audit event.
 */
export class ReadableEntities {
  private readonly lookups = new SingleFlight<Entity>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly readPermissions: ErdReadPermissions,
  ) {}

  load(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const lookup = () =>
      loadReadableEntity(this.catalog, ref, credentials, this.readPermissions);
    const principal = principalKey(credentials);
    if (principal === undefined) return lookup();
    return this.lookups.run(`${principal}\n${stringifyEntityRef(ref)}`, lookup);
  }
}

/** Who the credentials are, completely; undefined for a principal not known to be a user or a service (never shared). */
function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { type?: unknown };
  if (principal?.type !== 'user' && principal?.type !== 'service') {
    return undefined;
  }
  return JSON.stringify(principal);
}
