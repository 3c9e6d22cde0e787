/**
 * An artifact the fake serves: objects are sent as JSON, strings and
 * Buffers byte for byte (so a test can serve invalid JSON).
 */
export type FakeArtifactBody = object | string | Buffer;

/** A run as the fake's Administrative API returns it. */
export interface FakeDbtCloudRun {
  id: number;
  job_definition_id: number;
  /** Default 1. */
  project_id?: number;
  environment_id?: number;
  /** Default 10 (success); 1, 2 and 3 are in progress. */
  status?: number;
  finished_at?: string;
  /** Default true. */
  has_docs_generated?: boolean;
  /** Default: true once the run is complete. When false, its artifacts answer 404. */
  artifacts_saved?: boolean;
  /** Sent only when set, so tests cover both the API's link and a built one. */
  href?: string;
  /** Served at `runs/{id}/artifacts/{path}`. */
  artifacts?: Record<string, FakeArtifactBody>;
}

/** An environment's applied state, served by the fake Discovery API. */
export interface FakeEnvironment {
  /** The project served at `environments/<id>/` (Administrative API). Default 1. */
  project_id?: number;
  name?: string;
  models?: unknown[];
  sources?: unknown[];
  exposures?: unknown[];
  /** Data tests, generic (testMetadata.name set) and singular (name null). */
  tests?: unknown[];
  /** Served among `tests` unless the query filters on testTypes: [GENERIC_DATA_TEST]. */
  unitTests?: unknown[];
  semanticModels?: unknown[];
  /** GraphQL errors reported beside the data (e.g. one field that failed). */
  errors?: string[];
  /** A field error that nulls the whole `applied` object, as non-null connections do. */
  appliedError?: string;
}

export interface FakeDbtCloudAccount {
  id: number;
  token: string;
  runs?: FakeDbtCloudRun[];
  /** A job's latest artifacts by job id, served at `jobs/{id}/artifacts/{path}`. */
  jobArtifacts?: Record<number, Record<string, FakeArtifactBody>>;
  environments?: Record<number, FakeEnvironment>;
}

/** What the fake does instead of (or to) its normal answer. */
export type FakeFault =
  /** Answer with this status; 429/503 may carry Retry-After (seconds or an HTTP date). */
  | { kind: 'status'; status: number; retryAfter?: string; body?: object }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Send the headers and half the body, then reset the connection. */
  | { kind: 'reset-mid-body' }
  /** Send the real body in small pieces with a pause between them. */
  | { kind: 'slow-body'; delayMs: number; chunkBytes?: number }
  /** Send only the first half of the body, as a complete answer. */
  | { kind: 'truncated-json' }
  /** Send `bytes` of JSON instead, with or without Content-Length (default with). */
  | { kind: 'oversized'; bytes: number; contentLength?: boolean }
  /** Not a failure: the real body without Content-Length (chunked encoding). */
  | { kind: 'chunked' };

/** One request the fake received. */
export interface FakeRequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** GraphQL query text of a Discovery API request. */
  graphqlQuery?: string;
  /** GraphQL variables of a Discovery API request. */
  variables?: Record<string, unknown>;
  /** Set when the answer was sent; absent for hangs and resets. */
  status?: number;
  /** Date.now() when the request arrived and when its connection finished answering. */
  startedAt: number;
  finishedAt?: number;
}

/** A status and JSON body the fake routes produce. */
export interface FakeAnswer {
  status: number;
  body: Buffer;
}

export function jsonAnswer(status: number, value: unknown): FakeAnswer {
  return { status, body: Buffer.from(JSON.stringify(value)) };
}

/** The `status` of every Administrative API v2 answer (ResponseStatus in the OpenAPI spec). */
export function responseStatus(code: number, userMessage: string) {
  return {
    code,
    is_success: code < 400,
    user_message: userMessage,
    developer_message: '',
  };
}

/** The error envelope of the Administrative API v2. */
export function apiError(status: number, userMessage: string): FakeAnswer {
  return jsonAnswer(status, {
    status: responseStatus(status, userMessage),
    data: null,
  });
}
