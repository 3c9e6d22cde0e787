import { InputError } from '@backstage/errors';
import { DbtCloudLogger, silentLogger } from './DbtCloudLogger';
import {
  DbtCloudCoolDownStore,
  memoryCoolDownStore,
} from './http/RateLimitCoolDown';
import { ACCESS_URL_HINT, checkDbtCloudUrl } from './dbtCloudUrl';
import { discoveryUrlFor, withGraphqlPath } from './discovery/discoveryUrlFor';

export interface DbtCloudClientOptions {
  /** The account's configured name; used in messages and logs instead of the token. */
  accountName: string;
  accountId: number | string;
  /**
   * The account's access URL from Account settings → Access URLs, e.g.
   * https://ab123.us1.dbt.com. https only; http is accepted on loopback.
   */
  accessUrl: string;
  /** Service token; sent only in the Authorization header. */
  token: string;
  /** Discovery API endpoint; derived from accessUrl when unset, `/graphql` appended when missing. */
  discoveryUrl?: string;
  /** Whole API request, and the longest silence while a download streams. Default 30 s. */
  timeoutMs?: number;
  /** Establishing a connection. Default 10 s, never more than timeoutMs. */
  connectTimeoutMs?: number;
  /** Whole download of one artifact. Default 10 minutes. */
  artifactTimeoutMs?: number;
  /** Largest artifact (or API answer) accepted. Default 512 MB. */
  maxArtifactBytes?: number;
  /** Extra attempts after 429, 5xx or a dropped connection. Default 3. */
  retries?: number;
  /** First backoff delay, doubled per retry, with jitter. Default 500 ms. */
  retryDelayMs?: number;
  /**
   * Longest single wait between attempts. Default 10 s. A Retry-After longer
   * than this is not waited out: the request fails at once with a
   * DbtCloudRateLimitedError that carries the wait.
   */
  maxRetryDelayMs?: number;
  /**
   * How long the account is left alone after a 429 without Retry-After
   * (dbt Cloud documents a five-minute cool-down). Default 5 minutes.
   */
  rateLimitCoolDownMs?: number;
  /** Where the cool-down is remembered; share it between replicas. Default: memory. */
  coolDownStore?: DbtCloudCoolDownStore;
  /** Page size of Discovery API queries. Default 500, the API's maximum. */
  discoveryPageSize?: number;
  logger?: DbtCloudLogger;
}

export type ResolvedDbtCloudClientOptions = Required<DbtCloudClientOptions> & {
  accountId: string;
};

export const DEFAULT_MAX_ARTIFACT_BYTES = 512 * 1024 * 1024;

/** Fills defaults and rejects values that would fail later in confusing ways. */
export function resolveClientOptions(
  options: DbtCloudClientOptions,
): ResolvedDbtCloudClientOptions {
  const accountId = String(options.accountId).trim();
  if (!/^\d+$/.test(accountId)) {
    throw new InputError(
      `dbt Cloud account ${options.accountName}: accountId must be numeric, got "${accountId}"`,
    );
  }
  if (!options.token?.trim()) {
    throw new InputError(
      `dbt Cloud account ${options.accountName}: token is missing`,
    );
  }
  const label = (field: string) =>
    `dbt Cloud account ${options.accountName}: ${field}`;
  if (!options.accessUrl?.trim()) {
    throw new InputError(
      `${label('accessUrl')} is missing; ${ACCESS_URL_HINT}`,
    );
  }
  const accessUrl = checkDbtCloudUrl(
    options.accessUrl,
    label('accessUrl'),
  ).href;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    accountName: options.accountName,
    accountId,
    accessUrl,
    token: options.token.trim(),
    discoveryUrl: options.discoveryUrl
      ? withGraphqlPath(
          checkDbtCloudUrl(options.discoveryUrl, label('discoveryUrl')).href,
        )
      : discoveryUrlFor(accessUrl),
    timeoutMs,
    connectTimeoutMs: Math.min(options.connectTimeoutMs ?? 10_000, timeoutMs),
    artifactTimeoutMs: options.artifactTimeoutMs ?? 10 * 60_000,
    maxArtifactBytes: options.maxArtifactBytes ?? DEFAULT_MAX_ARTIFACT_BYTES,
    retries: Math.max(0, options.retries ?? 3),
    retryDelayMs: options.retryDelayMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
    rateLimitCoolDownMs: options.rateLimitCoolDownMs ?? 5 * 60_000,
    coolDownStore: options.coolDownStore ?? memoryCoolDownStore(),
    discoveryPageSize: Math.min(
      500,
      Math.max(1, options.discoveryPageSize ?? 500),
    ),
    logger: options.logger ?? silentLogger,
  };
}

/**
 * What identifies an account's data: its access URL and id (the numeric id
 * alone repeats across regions and cells). Cache and cool-down keys use it.
 */
export function accountKeyOf(options: ResolvedDbtCloudClientOptions): string {
  return `${options.accessUrl}/accounts/${options.accountId}`;
}
