import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';

/**
 * Which catalog entities may use a dbt Cloud account or a local project.
 * Unset means every entity (one trusted account, as before these keys).
 */
export interface SourceReach {
  /** Owner entity refs, normalised (`group:default/team-a`, lower case). */
  allowedOwners?: string[];
  /** Catalog namespaces, lower case. */
  allowedNamespaces?: string[];
}

/** Reads `allowedOwners` and `allowedNamespaces` of one account or local project. */
export function readSourceReach(config: Config, key: string): SourceReach {
  const reach: SourceReach = {};
  const owners = readNonEmptyList(config, 'allowedOwners', key);
  if (owners) {
    reach.allowedOwners = owners.map(owner =>
      normaliseOwnerRef(owner, `${key}.allowedOwners`),
    );
  }
  const namespaces = readNonEmptyList(config, 'allowedNamespaces', key);
  if (namespaces) {
    reach.allowedNamespaces = namespaces.map(namespace => {
      if (!/^[a-z0-9][a-z0-9_.-]*$/i.test(namespace)) {
        throw new Error(
          `${key}.allowedNamespaces has "${namespace.slice(
            0,
            80,
          )}", which is not a catalog namespace: use letters, digits, '-', '_' or '.'`,
        );
      }
      return namespace.toLocaleLowerCase('en-US');
    });
  }
  return reach;
}

/** Reads `projectIds`: the dbt Cloud project ids an account serves. */
export function readProjectIds(
  config: Config,
  key: string,
): number[] | undefined {
  if (!config.has('projectIds')) return undefined;
  const raw = config.get('projectIds');
  const values = Array.isArray(raw) ? raw : undefined;
  if (!values || values.length === 0) {
    throw new Error(
      `${key}.projectIds must be a non-empty list of dbt Cloud project ids, e.g. [123]; remove the key to serve every project of the account`,
    );
  }
  return values.map(value => {
    const text = String(value).trim();
    const id = Number(text);
    if (!/^\d{1,15}$/.test(text) || !Number.isSafeInteger(id) || id <= 0) {
      throw new Error(
        `${key}.projectIds has "${text.slice(
          0,
          40,
        )}", which is not a numeric dbt Cloud project id`,
      );
    }
    return id;
  });
}

/**
 * An owner as the catalog writes it in `relations`: `team-a` means
 * `group:default/team-a`, the catalog's own defaults for `spec.owner`.
 */
export function normaliseOwnerRef(
  owner: string,
  key: string,
  defaultNamespace = 'default',
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), { defaultKind: 'group', defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new Error(
      `${key} has "${owner.slice(
        0,
        80,
      )}", which is not an entity ref; write kind:namespace/name, e.g. group:default/team-a`,
    );
  }
}

function readNonEmptyList(
  config: Config,
  field: string,
  key: string,
): string[] | undefined {
  if (!config.has(field)) return undefined;
  const list = config.getStringArray(field).map(item => item.trim());
  if (list.length === 0 || list.some(item => !item)) {
    throw new Error(
      `${key}.${field} must be a non-empty list without blank entries; remove the key to let every entity use it`,
    );
  }
  return list;
}
