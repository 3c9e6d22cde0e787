import { CustomErrorBase } from '@backstage/errors';

/**
 * Base of every error the dbt Cloud client throws. Each subclass has its own
 * `name`, so the backend can map it to an HTTP status without parsing
 * messages. Messages name the account and the resource, never the token.
 */
export abstract class DbtCloudError extends CustomErrorBase {
  abstract readonly name: string;
  constructor(
    message: string,
    /** The configured account name (not its token). */
    readonly accountName: string,
    /** Upstream HTTP status, when dbt Cloud answered with one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** 401 or 403: the service token is invalid, expired or lacks permission. */
export class DbtCloudAuthError extends DbtCloudError {
  readonly name = 'DbtCloudAuthError' as const;
}

/** 404, or a lookup that found nothing (no run, no environment). */
export class DbtCloudNotFoundError extends DbtCloudError {
  readonly name = 'DbtCloudNotFoundError' as const;
}

/** A pinned run that is still queued, starting or running: its artifacts are not written yet. */
export class DbtCloudRunNotReadyError extends DbtCloudError {
  readonly name = 'DbtCloudRunNotReadyError' as const;
}

/** An artifact or answer bigger than `maxArtifactBytes`; never retried. */
export class DbtCloudArtifactTooLargeError extends DbtCloudError {
  readonly name = 'DbtCloudArtifactTooLargeError' as const;
  constructor(
    message: string,
    accountName: string,
    readonly limitBytes: number,
  ) {
    super(message, accountName);
  }
}

/** Connecting, the first byte, or the whole download took too long. */
export class DbtCloudTimeoutError extends DbtCloudError {
  readonly name = 'DbtCloudTimeoutError' as const;
  constructor(
    message: string,
    accountName: string,
    readonly timeoutMs: number,
  ) {
    super(message, accountName);
  }
}

/** Network failures and 5xx answers that outlasted the retries. */
export class DbtCloudUnavailableError extends DbtCloudError {
  readonly name = 'DbtCloudUnavailableError' as const;
}

/** 429 answers that outlasted the retries, or asked for a longer wait than allowed. */
export class DbtCloudRateLimitedError extends DbtCloudError {
  readonly name = 'DbtCloudRateLimitedError' as const;
  constructor(
    message: string,
    accountName: string,
    /** How long dbt Cloud asked to wait, when it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message, accountName, 429);
  }
}

/**
 * dbt Cloud answered something the client cannot use: another 4xx (bad
 * request), a body that is not the JSON the API documents, GraphQL errors.
 */
export class DbtCloudResponseError extends DbtCloudError {
  readonly name = 'DbtCloudResponseError' as const;
}
