import { DbtArtifactError } from '../errors';
import { parseArtifactJson } from '../parseArtifactJson';
import { assertId } from './assertId';
import {
  accountKeyOf,
  ResolvedDbtCloudClientOptions,
} from './DbtCloudClientOptions';
import { GraphqlAnswer } from './discovery/pageAppliedState';
import {
  DbtCloudArtifactTooLargeError,
  DbtCloudNotFoundError,
  DbtCloudResponseError,
} from './errors';
import { BodySink, ByteSink, TextSink } from './http/bodySinks';
import { formatBytes, formatSeconds } from './http/format';
import { RateLimitCoolDown } from './http/RateLimitCoolDown';
import {
  limitedChunks,
  readLimitedBody,
  StreamingBody,
} from './http/readLimitedBody';
import { redactSecret } from './http/redactSecret';
import { UpstreamHttp } from './http/UpstreamHttp';
import { CallContext } from './http/upstreamFailures';
import { DbtCloudArtifactFile } from './types';

/** Where an artifact is read from: a run, or a job's latest. */
export interface ArtifactOrigin {
  kind: 'run' | 'job';
  id: number;
  /** The 404 message, when the default does not fit. */
  notFoundMessage?: string;
}

/** What a request is about, for messages, and who may cancel it. */
export interface RequestSubject {
  /** e.g. "dbt Cloud run 123". */
  subject: string;
  notFoundMessage: string;
  signal?: AbortSignal;
}

const ADMIN_PERMISSION = 'Job Viewer';
const ADMIN_PERMISSION_HINT =
  'read access to runs and jobs: Job Viewer exists on Enterprise plans; otherwise use Job Admin, or on Developer and Starter plans a personal access token, since their service tokens carry only Semantic Layer permissions';
const DISCOVERY_PERMISSION = 'Metadata Only';

/**
 * The requests of one account, shaped for the client: API JSON bounded by
 * `timeoutMs`, artifacts bounded by `artifactTimeoutMs` and
 * `maxArtifactBytes`, and every error worded with the account and subject.
 */
export class AccountRequests {
  readonly #options: ResolvedDbtCloudClientOptions;
  readonly #http: UpstreamHttp;
  readonly #coolDown: RateLimitCoolDown;

  constructor(options: ResolvedDbtCloudClientOptions) {
    this.#options = options;
    this.#coolDown = new RateLimitCoolDown(
      options.coolDownStore,
      accountKeyOf(options),
      options.accountName,
      options.rateLimitCoolDownMs,
    );
    this.#http = new UpstreamHttp({
      accountName: options.accountName,
      token: options.token,
      connectTimeoutMs: options.connectTimeoutMs,
      idleTimeoutMs: options.timeoutMs,
      retries: options.retries,
      backoff: {
        baseDelayMs: options.retryDelayMs,
        maxDelayMs: options.maxRetryDelayMs,
      },
      logger: options.logger,
      coolDown: this.#coolDown,
    });
  }

  /** GETs an Administrative API path (below the account) and returns the answer's `data`. */
  async getApiData(path: string, request: RequestSubject): Promise<unknown> {
    const json = await this.#callJson({
      ...this.#context(request.subject, request.notFoundMessage),
      method: 'GET',
      url: this.#apiUrl(path),
      authScheme: 'Token',
      signal: request.signal,
    });
    if (typeof json !== 'object' || json === null || !('data' in json)) {
      throw this.unexpectedAnswer(request.subject);
    }
    return json.data;
  }

  /**
   * POSTs a Discovery API query and returns the answer's `data` and its
   * error messages (token redacted). `data: null` with errors is how the
   * API answers an unknown environment (`environment(id:)` is non-null):
   * a DbtCloudNotFoundError that quotes the errors, since they may say more.
   */
  async postGraphql(
    query: string,
    variables: Record<string, unknown>,
    request: RequestSubject,
  ): Promise<GraphqlAnswer> {
    const json: any = await this.#callJson({
      ...this.#context(
        request.subject,
        request.notFoundMessage,
        DISCOVERY_PERMISSION,
      ),
      method: 'POST',
      url: new URL(this.#options.discoveryUrl),
      authScheme: 'Bearer',
      json: { query, variables },
      signal: request.signal,
    });
    const errors: string[] = Array.isArray(json?.errors)
      ? json.errors
          .slice(0, 5)
          .map((e: { message?: unknown }) =>
            redactSecret(String(e?.message ?? e), this.#options.token).slice(
              0,
              300,
            ),
          )
      : [];
    const data = json?.data;
    if (errors.length > 0 && (data === undefined || data === null)) {
      // GraphQL omits `data` for a request it refused before executing it
      // (e.g. a field the schema lacks), and nulls it when a non-null field
      // failed during execution: here, only `environment(id:)` is non-null.
      if (data === undefined) {
        throw new DbtCloudResponseError(
          `the Discovery API answered with errors for ${
            request.subject
          } (account ${this.#options.accountName}): ${errors.join('; ')}`,
          this.#options.accountName,
        );
      }
      throw new DbtCloudNotFoundError(
        `${request.notFoundMessage.replace(
          / \(404\)$/,
          '',
        )}: the Discovery API answered with errors: ${errors.join('; ')}`,
        this.#options.accountName,
        404,
      );
    }
    if (typeof data !== 'object' || data === null) {
      throw this.unexpectedAnswer(request.subject);
    }
    return { data, errors };
  }

  /** An artifact as bytes: one buffer, preallocated when Content-Length is sent. */
  downloadBytes(
    origin: ArtifactOrigin,
    file: DbtCloudArtifactFile,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    return this.#download(origin, file, signal, length => new ByteSink(length));
  }

  /**
   * An artifact handed to `read` as it streams, never held whole. `read`
   * runs inside the download attempt: when the connection breaks midway the
   * download is tried again and `read` called again, from the first byte.
   */
  streamArtifact<T>(
    origin: ArtifactOrigin,
    file: DbtCloudArtifactFile,
    read: (chunks: AsyncIterable<Uint8Array>) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    return this.#transfer(
      origin,
      file,
      signal,
      async (body, contentLength, count) => {
        try {
          return await read(
            limitedChunks({
              body,
              contentLength,
              maxBytes: this.#options.maxArtifactBytes,
              tooLarge: () => this.#tooLarge(artifactLabel(origin, file)),
              onChunk: count,
            }),
          );
        } finally {
          // A reader that failed or stopped before the end leaves no socket open.
          body.destroy();
        }
      },
    );
  }

  /** An artifact parsed; the bytes are decoded as they stream, never held whole. */
  async downloadJson(
    origin: ArtifactOrigin,
    file: DbtCloudArtifactFile,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const label = artifactLabel(origin, file);
    let text: string;
    try {
      text = await this.#download(origin, file, signal, () => new TextSink());
    } catch (error) {
      // V8 caps string length (about 512 M characters) below what a Buffer holds.
      if (!(error instanceof RangeError)) throw error;
      throw new DbtCloudArtifactTooLargeError(
        `${label} is too large to parse as JSON in Node.js (strings are limited to about 512 M characters)`,
        this.#options.accountName,
        this.#options.maxArtifactBytes,
      );
    }
    try {
      return parseArtifactJson(text, label);
    } catch (error) {
      // Keep the message naming the run; `file` stays the bare file name.
      if (!(error instanceof DbtArtifactError)) throw error;
      throw new DbtArtifactError(file, error.message);
    }
  }

  unexpectedAnswer(subject: string): DbtCloudResponseError {
    return new DbtCloudResponseError(
      `dbt Cloud answered ${subject} (account ${
        this.#options.accountName
      }) with something other than the documented JSON`,
      this.#options.accountName,
    );
  }

  /** Milliseconds left of the account's rate-limit cool-down; 0 when there is none. */
  coolDownRemainingMs(): Promise<number> {
    return this.#coolDown.remainingMs();
  }

  close(): Promise<void> {
    return this.#http.close();
  }

  #download<T>(
    origin: ArtifactOrigin,
    file: DbtCloudArtifactFile,
    signal: AbortSignal | undefined,
    sink: (contentLength?: number) => BodySink<T>,
  ): Promise<T> {
    return this.#transfer(origin, file, signal, (body, contentLength, count) =>
      readLimitedBody({
        body,
        contentLength,
        maxBytes: this.#options.maxArtifactBytes,
        sink: length => countingSink(sink(length), count),
        tooLarge: () => this.#tooLarge(artifactLabel(origin, file)),
      }),
    );
  }

  /** One artifact request, logged like dbterd's; `read` takes the body of each attempt. */
  async #transfer<T>(
    origin: ArtifactOrigin,
    file: DbtCloudArtifactFile,
    signal: AbortSignal | undefined,
    read: (
      body: StreamingBody,
      contentLength: number | undefined,
      count: (bytes: number) => void,
    ) => Promise<T>,
  ): Promise<T> {
    assertId(origin.id, origin.kind);
    const { logger, artifactTimeoutMs, accountName } = this.#options;
    const label = artifactLabel(origin, file);
    const url = this.#apiUrl(`${origin.kind}s/${origin.id}/artifacts/${file}`);
    const started = Date.now();
    let size = 0;
    logger.info(`Downloading ${label} [URL: ${url}]`);
    const result = await this.#http.call({
      ...this.#context(
        label,
        origin.notFoundMessage ??
          `dbt Cloud ${origin.kind} ${origin.id} has no ${file} in account ${accountName} (404); the run may have failed before writing it, or the token may lack read access to the job's runs (dbt Cloud answers 404 for "not authorised" here too)`,
      ),
      method: 'GET',
      url,
      authScheme: 'Token',
      deadlineMs: artifactTimeoutMs,
      signal,
      read: (body, contentLength) => {
        // Each attempt counts from zero.
        size = 0;
        return read(body, contentLength, bytes => (size += bytes));
      },
    });
    logger.info(
      `Downloaded ${label} (${formatBytes(size)}) in ${formatSeconds(
        Date.now() - started,
      )}`,
    );
    return result;
  }

  /** One API request whose answer is small JSON, bounded by `timeoutMs`. */
  #callJson(
    call: CallContext & {
      method: 'GET' | 'POST';
      url: URL;
      authScheme: 'Token' | 'Bearer';
      json?: unknown;
      signal?: AbortSignal;
    },
  ): Promise<unknown> {
    return this.#http.call({
      ...call,
      deadlineMs: this.#options.timeoutMs,
      read: async (body, contentLength) => {
        const text = await readLimitedBody({
          body,
          contentLength,
          maxBytes: this.#options.maxArtifactBytes,
          sink: () => new TextSink(),
          tooLarge: () => this.#tooLarge(`the answer for ${call.subject}`),
        });
        try {
          return JSON.parse(text);
        } catch {
          throw this.unexpectedAnswer(call.subject);
        }
      },
    });
  }

  #context(
    subject: string,
    notFoundMessage: string,
    permission = ADMIN_PERMISSION,
  ): CallContext {
    return {
      accountName: this.#options.accountName,
      subject,
      notFoundMessage,
      permission,
      permissionHint:
        permission === ADMIN_PERMISSION ? ADMIN_PERMISSION_HINT : undefined,
    };
  }

  #apiUrl(path: string): URL {
    const { accessUrl, accountId } = this.#options;
    return new URL(`${accessUrl}/api/v2/accounts/${accountId}/${path}`);
  }

  #tooLarge(what: string): DbtCloudArtifactTooLargeError {
    const limit = this.#options.maxArtifactBytes;
    return new DbtCloudArtifactTooLargeError(
      `${what} is larger than the ${formatBytes(
        limit,
      )} limit (dbtErd.cloud.maxArtifactBytes)`,
      this.#options.accountName,
      limit,
    );
  }
}

export function artifactLabel(
  origin: ArtifactOrigin,
  file: DbtCloudArtifactFile,
): string {
  return `${file} from dbt Cloud ${origin.kind} ${origin.id}`;
}

function countingSink<T>(
  inner: BodySink<T>,
  count: (bytes: number) => void,
): BodySink<T> {
  return {
    write(chunk) {
      count(chunk.length);
      inner.write(chunk);
    },
    finish: () => inner.finish(),
  };
}
