import { JsonValue } from '@backstage/types';

/**
 * The keys `dbtErd` may hold, level by level, as config.d.ts documents
 * them. Backstage's schema check lets unknown keys through, so a mistyped
 * `allowedOwner` would silently leave an account open to every team; this
 * list turns it into a start-up error. `'*'` marks a value whose inside is
 * read by someone else (e.g. Backstage's scheduler config).
 */
type KnownKeys = { [key: string]: KnownKeys | [KnownKeys] | true | '*' };

const ACCOUNT_KEYS: KnownKeys = {
  name: true,
  accountId: true,
  accessUrl: true,
  token: true,
  discoveryUrl: true,
  projectIds: true,
  allowedOwners: true,
  allowedNamespaces: true,
};

export const DBT_ERD_CONFIG_KEYS: KnownKeys = {
  cloud: {
    timeout: '*',
    rateLimitCoolDown: '*',
    maxArtifactBytes: true,
    accounts: [ACCOUNT_KEYS],
  },
  localProjects: [
    { name: true, path: true, allowedOwners: true, allowedNamespaces: true },
  ],
  defaults: {
    algo: true,
    resourceTypes: true,
    entityNameFormat: true,
    entityGroup: true,
  },
  prebuild: { schedule: '*' },
  cache: { ttl: '*', servedBytes: true, indexBytes: true },
  builds: { concurrency: true, concurrencyPerAccount: true },
};

/**
 * Throws on the first key under `dbtErd` that config.d.ts does not know,
 * naming it with its full path and the keys that level accepts.
 */
export function assertKnownConfigKeys(
  value: JsonValue | undefined,
  known: KnownKeys = DBT_ERD_CONFIG_KEYS,
  path = 'dbtErd',
): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const spec = known[key];
    const childPath = `${path}.${key}`;
    if (spec === undefined) {
      throw new Error(
        `${childPath} is not a dbt-erd setting; ${path} accepts ${Object.keys(
          known,
        ).join(', ')} (see the plugin README's configuration reference)`,
      );
    }
    if (spec === true || spec === '*') continue;
    if (Array.isArray(spec)) {
      if (Array.isArray(child)) {
        child.forEach((item, index) =>
          assertKnownConfigKeys(item, spec[0], `${childPath}[${index}]`),
        );
      }
      continue;
    }
    assertKnownConfigKeys(child, spec, childPath);
  }
}
