import {
  DbtCloudAuthError,
  DbtCloudError,
  DbtCloudNotFoundError,
  DbtCloudRateLimitedError,
  DbtCloudResponseError,
  DbtCloudTimeoutError,
  DbtCloudUnavailableError,
} from '../errors';
import { formatSeconds } from './format';

/** What a request is about, in words for error messages. */
export interface CallContext {
  accountName: string;
  /** e.g. "dbt Cloud run 123", "manifest.json of dbt Cloud run 123". */
  subject: string;
  /** The whole message for a 404, e.g. "dbt Cloud run 123 not found in account main (404)". */
  notFoundMessage: string;
  /** The permission a service token needs, e.g. "Job Viewer". */
  permission: string;
  /** Where that permission exists and what to use instead, for the 403 message. */
  permissionHint?: string;
}

/**
 * A failure worth another attempt (429, 5xx, a dropped connection). It turns
 * into an error only when the retries run out, so the message can say how
 * many attempts were made.
 */
export class RetryableFailure {
  constructor(
    /** Short cause for log lines: "503", "ECONNRESET". */
    readonly reason: string,
    /** `coolDownMs`: how long the account now cools down (429 only). */
    readonly toError: (attempts: number, coolDownMs?: number) => DbtCloudError,
    /** Retry-After, when dbt Cloud sent one. */
    readonly retryAfterMs?: number,
  ) {}
}

/** Maps a non-2xx answer to an error, or to a retryable failure. */
export function failureForStatus(
  status: number,
  detail: string | undefined,
  retryAfterMs: number | undefined,
  ctx: CallContext,
): DbtCloudError | RetryableFailure {
  const { accountName: account } = ctx;
  const because = detail ? `: ${detail}` : '';
  if (status === 401) {
    return new DbtCloudAuthError(
      `dbt Cloud rejected the token for account ${account} (401); check that the service token is valid and not revoked, and that the access URL is this account's own (Account settings → Access URLs)`,
      account,
      status,
    );
  }
  if (status === 403) {
    return new DbtCloudAuthError(
      `dbt Cloud denied the token for account ${account} access to ${
        ctx.subject
      } (403); the service token needs ${ctx.permission} permission or broader${
        ctx.permissionHint ? ` (${ctx.permissionHint})` : ''
      }`,
      account,
      status,
    );
  }
  if (status === 404) {
    return new DbtCloudNotFoundError(ctx.notFoundMessage, account, status);
  }
  if (status === 429) {
    return new RetryableFailure(
      '429',
      (attempts, coolDownMs) => {
        const waitMs = coolDownMs ?? retryAfterMs;
        return new DbtCloudRateLimitedError(
          `dbt Cloud rate-limited account ${account} (429, ${plural(
            attempts,
            'attempt',
          )}); try again in ${
            waitMs !== undefined ? formatSeconds(waitMs) : 'a few minutes'
          }`,
          account,
          waitMs,
        );
      },
      retryAfterMs,
    );
  }
  if (status >= 500 && status !== 501) {
    return new RetryableFailure(String(status), attempts =>
      unavailable(
        `dbt Cloud failed to answer for ${
          ctx.subject
        } (account ${account}): ${status}${because} (${plural(
          attempts,
          'attempt',
        )}); try again later`,
        account,
        status,
      ),
    );
  }
  return new DbtCloudResponseError(
    `dbt Cloud answered ${status} for ${ctx.subject} (account ${account})${because}`,
    account,
    status,
  );
}

/** Time-outs that applied to the failed attempt, for the message. */
export interface AttemptTimeouts {
  connectTimeoutMs: number;
  /** undici's time to the first byte, and between bytes. */
  idleTimeoutMs: number;
  /** Set when one of the attempt's own timers (first byte, whole attempt) fired. */
  firedTimeoutMs?: number;
}

const ANSWER_TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const CONNECT_TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
// A name that does not resolve is a configuration mistake, not a blip.
const PERMANENT_CODES = new Set(['ENOTFOUND']);
// The connection was made, then cut: a different hint from "unreachable".
const DROPPED_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/**
 * Maps a thrown network error to an error or a retryable failure. Time-outs
 * are not retried: the caller has already waited the whole time-out once.
 */
export function failureForNetworkError(
  error: unknown,
  timeouts: AttemptTimeouts,
  ctx: CallContext,
): DbtCloudError | RetryableFailure {
  const account = ctx.accountName;
  const code = errorCode(error) ?? 'network error';
  if (timeouts.firedTimeoutMs !== undefined) {
    return new DbtCloudTimeoutError(
      `dbt Cloud did not answer within ${formatSeconds(
        timeouts.firedTimeoutMs,
      )} (account ${account}, ${ctx.subject})`,
      account,
      timeouts.firedTimeoutMs,
    );
  }
  if (ANSWER_TIMEOUT_CODES.has(code)) {
    return new DbtCloudTimeoutError(
      `dbt Cloud did not answer within ${formatSeconds(
        timeouts.idleTimeoutMs,
      )} (account ${account}, ${ctx.subject})`,
      account,
      timeouts.idleTimeoutMs,
    );
  }
  if (CONNECT_TIMEOUT_CODES.has(code)) {
    return new DbtCloudTimeoutError(
      `dbt Cloud did not accept a connection within ${formatSeconds(
        timeouts.connectTimeoutMs,
      )} (account ${account})`,
      account,
      timeouts.connectTimeoutMs,
    );
  }
  if (PERMANENT_CODES.has(code)) {
    return unavailable(
      `dbt Cloud is unreachable (account ${account}): ${code}; check the account's access URL`,
      account,
    );
  }
  const what = DROPPED_CODES.has(code)
    ? 'dropped the connection'
    : 'is unreachable';
  return new RetryableFailure(code, attempts =>
    unavailable(
      `dbt Cloud ${what} (account ${account}): ${code} (${plural(
        attempts,
        'attempt',
      )})`,
      account,
    ),
  );
}

/**
 * A stable, secret-free name for a network error: the errno code (ECONNRESET)
 * or undici's code, undefined for anything else (a bug, not the network).
 * Never the library's message, which could carry anything.
 */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) {
      // undici's generic socket error often wraps the errno that caused it.
      const inner = errorCode((current as { cause?: unknown }).cause);
      return code === 'UND_ERR_SOCKET' && inner ? inner : code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function unavailable(message: string, account: string, status?: number) {
  return new DbtCloudUnavailableError(message, account, status);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
