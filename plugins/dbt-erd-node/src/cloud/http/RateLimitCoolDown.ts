import { DbtCloudRateLimitedError } from '../errors';
import { formatSeconds } from './format';

/**
 * Where an account's rate-limit cool-down is remembered. The backend backs
 * it with Backstage's CacheService so every replica honours a 429 one of
 * them received; the default is this process's memory.
 */
export interface DbtCloudCoolDownStore {
  /** Epoch milliseconds until which calls to the account should not be made. */
  get(key: string): Promise<number | undefined>;
  /** Remembers a cool-down; the entry may expire when it ends. */
  set(key: string, untilMs: number): Promise<void>;
}

/** A cool-down store in this process's memory. */
export function memoryCoolDownStore(): DbtCloudCoolDownStore {
  const until = new Map<string, number>();
  return {
    get: async key => until.get(key),
    set: async (key, untilMs) => {
      until.set(key, untilMs);
    },
  };
}

/**
 * dbt Cloud's documented answer to too many requests: a 429 and a
 * five-minute cool-down for the account, usually without Retry-After.
 * Calls made during it would only earn another 429 (and may extend it),
 * so they fail at once with the time left.
 */
export class RateLimitCoolDown {
  constructor(
    private readonly store: DbtCloudCoolDownStore,
    private readonly key: string,
    private readonly accountName: string,
    /** Used when the 429 carries no Retry-After. */
    private readonly defaultMs: number,
  ) {}

  /** Milliseconds left of the account's cool-down; 0 when there is none. */
  async remainingMs(): Promise<number> {
    const until = await this.store.get(this.key).catch(() => undefined);
    return Math.max(0, (until ?? 0) - Date.now());
  }

  /** Throws when the account is cooling down. */
  async check(): Promise<void> {
    const left = await this.remainingMs();
    if (left > 0) {
      throw new DbtCloudRateLimitedError(
        `dbt Cloud rate-limited account ${
          this.accountName
        } (429) and asked for a cool-down; not calling it for another ${formatSeconds(
          Math.ceil(left / 1000) * 1000,
        )}`,
        this.accountName,
        left,
      );
    }
  }

  /** Starts the cool-down after a 429 and returns how long it lasts. */
  async start(retryAfterMs: number | undefined): Promise<number> {
    const ms = retryAfterMs ?? this.defaultMs;
    await this.store.set(this.key, Date.now() + ms).catch(() => undefined);
    return ms;
  }
}
