/** How long to wait before retry number `retry` (1-based). */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Defaults to Math.random; injectable so tests are deterministic. */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is
 * random, so replicas that failed together do not retry in lock-step but
 * none retries almost immediately either.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy): number {
  const exponential = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, retry - 1),
  );
  const random = policy.random ?? Math.random;
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Parses a Retry-After header: delay-seconds or an HTTP date (RFC 9110
 * 10.2.3). Returns undefined when absent or unparseable, so the caller falls
 * back to its own backoff; a date in the past means "now".
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (!header?.trim()) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP dates name the day and month; Date.parse alone also takes "-5".
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
