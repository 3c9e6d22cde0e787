import { CacheService } from '@backstage/backend-plugin-api';
import { DbtCloudCoolDownStore } from 'backstage-plugin-dbt-erd-node';

/**
 * dbt Cloud rate-limit cool-downs kept in Backstage's cache (Redis/Valkey in
 * production), so a 429 one replica received stops every replica calling
 * that account until the cool-down ends.
 */
export function cacheCoolDownStore(cache: CacheService): DbtCloudCoolDownStore {
  const keyOf = (account: string) => `cooldown:v1:${account}`;
  return {
    async get(account) {
      const until = await cache.get(keyOf(account));
      return typeof until === 'number' ? until : undefined;
    },
    async set(account, untilMs) {
      await cache.set(keyOf(account), untilMs, {
        ttl: Math.max(1000, untilMs - Date.now()),
      });
    },
  };
}
