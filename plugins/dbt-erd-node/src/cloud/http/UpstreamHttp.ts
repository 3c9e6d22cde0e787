import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, Dispatcher, interceptors } from 'undici';
import { DbtArtifactError } from '../../errors';
import { DbtCloudLogger } from '../DbtCloudLogger';
import { DbtCloudError } from '../errors';
import { formatSeconds } from './format';
import { RateLimitCoolDown } from './RateLimitCoolDown';
import { readErrorDetail } from './readErrorDetail';
import { contentLengthOf, StreamingBody } from './readLimitedBody';
import { backoffDelay, BackoffPolicy, parseRetryAfter } from './retryDelay';
import {
  CallContext,
  errorCode,
  failureForNetworkError,
  failureForStatus,
  RetryableFailure,
} from './upstreamFailures';

export interface UpstreamHttpOptions {
  accountName: string;
  token: string;
  connectTimeoutMs: number;
  /** Longest wait for the first byte of an answer, and between two bytes. */
  idleTimeoutMs: number;
  /** Extra attempts after the first, for 429, 5xx and dropped connections. */
  retries: number;
  /** Its maxDelayMs also caps how long a Retry-After may make us wait. */
  backoff: BackoffPolicy;
  logger: DbtCloudLogger;
  /** The account's 429 cool-down, checked before every request. */
  coolDown: RateLimitCoolDown;
}

/** One request to dbt Cloud and how to read a successful answer. */
export interface UpstreamCall<T> extends CallContext {
  method: 'GET' | 'POST';
  url: URL;
  /** dbt Cloud accepts both; the Discovery API documents Bearer. */
  authScheme: 'Token' | 'Bearer';
  /** A JSON request body. */
  json?: unknown;
  /** Bound on one whole attempt, body included. */
  deadlineMs: number;
  signal?: AbortSignal;
  /** Reads a 2xx body; runs inside the attempt so a mid-body reset is retried. */
  read(body: StreamingBody, contentLength: number | undefined): Promise<T>;
}

/** The abort reason of an attempt whose own timer fired. */
class AttemptTimedOut extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * Sends requests to one dbt Cloud account with its token, time-outs and
 * bounded retries, and turns every failure into a typed DbtCloudError.
 */
export class UpstreamHttp {
  readonly #options: UpstreamHttpOptions;
  readonly #agent: Agent;
  readonly #dispatcher: Dispatcher;

  constructor(options: UpstreamHttpOptions) {
    this.#options = options;
    this.#agent = new Agent({ connect: { timeout: options.connectTimeoutMs } });
    // undici drops Authorization when a redirect leaves the origin, so the
    // token never reaches, say, a storage bucket a download redirects to.
    this.#dispatcher = this.#agent.compose(
      interceptors.redirect({ maxRedirections: 3 }),
    );
  }

  async call<T>(call: UpstreamCall<T>): Promise<T> {
    const { retries, backoff, logger, coolDown } = this.#options;
    await coolDown.check();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(call, attempt);
      } catch (failure) {
        if (!(failure instanceof RetryableFailure)) throw failure;
        const { retryAfterMs } = failure;
        // A 429 without a short Retry-After means a cool-down: retrying in
        // it only earns another 429, so remember it and stop.
        const waitable =
          retryAfterMs !== undefined && retryAfterMs <= backoff.maxDelayMs;
        if (failure.reason === '429' && (!waitable || attempt > retries)) {
          const ms = await coolDown.start(retryAfterMs);
          throw failure.toError(attempt, ms);
        }
        if (attempt > retries || (retryAfterMs ?? 0) > backoff.maxDelayMs) {
          throw failure.toError(attempt);
        }
        const delay = retryAfterMs ?? backoffDelay(attempt, backoff);
        logger.warn(
          `dbt Cloud ${failure.reason} for ${call.subject} (account ${call.accountName}); ` +
            `retry ${attempt} of ${retries} in ${formatSeconds(delay)}`,
        );
        await sleep(delay, undefined, { signal: call.signal }).catch(() => {
          throw call.signal?.reason;
        });
      }
    }
  }

  close(): Promise<void> {
    return this.#agent.close();
  }

  async #attempt<T>(call: UpstreamCall<T>, attempt: number): Promise<T> {
    const { connectTimeoutMs, idleTimeoutMs, token, logger } = this.#options;
    // Our own timers rather than undici's coarse ones: a hang fails at the
    // configured time, and the reason says which limit it was.
    const timeouts = new AbortController();
    const abortAfter = (ms: number) =>
      setTimeout(() => timeouts.abort(new AttemptTimedOut(ms)), ms);
    const deadlineTimer = abortAfter(call.deadlineMs);
    const firstByteTimer =
      idleTimeoutMs < call.deadlineMs ? abortAfter(idleTimeoutMs) : undefined;
    const signal = call.signal
      ? AbortSignal.any([timeouts.signal, call.signal])
      : timeouts.signal;

    logger.debug(`${call.method} ${call.url} (attempt ${attempt})`);
    try {
      const response = await this.#dispatcher.request({
        origin: call.url.origin,
        path: `${call.url.pathname}${call.url.search}`,
        method: call.method,
        headers: {
          authorization: `${call.authScheme} ${token}`,
          accept: 'application/json',
          'user-agent': 'backstage-plugin-dbt-erd',
          ...(call.json === undefined
            ? {}
            : { 'content-type': 'application/json' }),
        },
        body: call.json === undefined ? undefined : JSON.stringify(call.json),
        signal,
        headersTimeout: idleTimeoutMs,
        bodyTimeout: idleTimeoutMs,
      });
      clearTimeout(firstByteTimer);
      const { statusCode, headers, body } = response;
      if (statusCode >= 200 && statusCode < 300) {
        return await call.read(body, contentLengthOf(headers));
      }
      const detail = await readErrorDetail(body, token);
      throw failureForStatus(
        statusCode,
        detail,
        parseRetryAfter(headers['retry-after']),
        call,
      );
    } catch (error) {
      if (
        error instanceof RetryableFailure ||
        error instanceof DbtCloudError ||
        error instanceof DbtArtifactError
      ) {
        throw error;
      }
      if (call.signal?.aborted) throw call.signal.reason;
      const fired = timeouts.signal.reason;
      const firedTimeoutMs =
        fired instanceof AttemptTimedOut ? fired.ms : undefined;
      // Anything without an error code is a bug here, not the network.
      if (firedTimeoutMs === undefined && errorCode(error) === undefined)
        throw error;
      throw failureForNetworkError(
        error,
        { connectTimeoutMs, idleTimeoutMs, firedTimeoutMs },
        call,
      );
    } finally {
      clearTimeout(deadlineTimer);
      clearTimeout(firstByteTimer);
    }
  }
}
