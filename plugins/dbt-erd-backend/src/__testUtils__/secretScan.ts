import { mockServices } from '@backstage/backend-test-utils';
import { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/*
 * The token scan of every backend suite, installed once by src/setupTests.ts:
 * every secret a test puts in its config is looked for in everything the
 * backend lets out during that test, and the test fails where it appears:
 * - every HTTP response (status line, headers and the decoded body) of every
 *   server in the test process, except the fake dbt Cloud's own answers;
 * - every line written to the default test logger and to CapturedLogs,
 *   which carry the default auditor's events too;
 * - every audit event given to a mockServices.auditor.mock();
 * - whatever a suite adds with scanForSecrets (e.g. what replicas store in
 *   Redis).
 * Texts are checked as they come (load tests send thousands of bodies) and
 * only the places of a leak are kept. Secrets stay known for the whole test
 * file, since a backend started in beforeAll serves several tests.
 */

const secrets = new Set<string>();
const leaks: string[] = [];
const auditorMocks: Array<ReturnType<typeof mockServices.auditor.mock>> = [];

/** Config keys whose values are secrets (dbt Cloud tokens, passwords). */
const SECRET_KEY = /token|password|secret/i;
/** Shorter values are not distinctive enough to scan for. */
const MIN_SECRET_LENGTH = 8;

/** The fake dbt Cloud's own API: its answers are dbt Cloud's, not ours. */
const DBT_CLOUD_PATH = /^\/(api\/v[23]\/|graphql)/;

function collectSecrets(value: unknown, key = ''): void {
  if (typeof value === 'string') {
    if (SECRET_KEY.test(key) && value.length >= MIN_SECRET_LENGTH) {
      secrets.add(value);
    }
  } else if (Array.isArray(value)) {
    value.forEach(item => collectSecrets(item, key));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectSecrets(v, k);
  }
}

/** Looks for every known secret in `text`; `where` names the place in the failure. */
export function scanForSecrets(where: string, text: string): void {
  for (const secret of secrets) {
    if (text.includes(secret)) {
      leaks.push(`${where} contains the secret ${secret.slice(0, 5)}***`);
    }
  }
}

function decodedBody(chunks: Buffer[], encoding: unknown): string {
  const body = Buffer.concat(chunks);
  try {
    switch (String(encoding ?? '').toLowerCase()) {
      case 'gzip':
        return gunzipSync(body).toString('utf8');
      case 'br':
        return brotliDecompressSync(body).toString('utf8');
      case 'deflate':
        return inflateSync(body).toString('utf8');
      default:
        return body.toString('utf8');
    }
  } catch {
    return body.toString('utf8');
  }
}

const toBuffer = (chunk: unknown, encoding?: unknown): Buffer | undefined => {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') {
    return undefined;
  }
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(
    String(chunk),
    typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
  );
};

/** Records what every ServerResponse writes, and scans it when it ends. */
function scanHttpResponses() {
  const proto = ServerResponse.prototype as any;
  const chunksOf = new WeakMap<object, Buffer[]>();
  /** Content-Encoding given to writeHead directly (getHeader does not see it). */
  const encodingOf = new WeakMap<object, string>();
  const original = {
    writeHead: proto.writeHead,
    write: proto.write,
    end: proto.end,
  };
  const record = (res: object, chunk: unknown, encoding?: unknown) => {
    const buffer = toBuffer(chunk, encoding);
    if (!buffer) return;
    const chunks = chunksOf.get(res) ?? [];
    chunks.push(buffer);
    chunksOf.set(res, chunks);
  };
  proto.writeHead = function writeHead(this: ServerResponse, ...args: any[]) {
    const headers = args.find(a => a && typeof a === 'object');
    const entries: unknown[][] = Array.isArray(headers)
      ? headers.map((v, i) => [v, headers[i + 1]])
      : Object.entries(headers ?? {});
    const encoding = entries.find(
      ([name]) => String(name).toLowerCase() === 'content-encoding',
    );
    if (encoding) encodingOf.set(this, String(encoding[1]));
    if (!DBT_CLOUD_PATH.test(this.req?.url ?? '')) {
      scanForSecrets(
        `the response head of ${this.req?.method} ${this.req?.url}`,
        inspect(args, { depth: 5 }),
      );
    }
    return original.writeHead.apply(this, args);
  };
  proto.write = function write(this: ServerResponse, ...args: any[]) {
    record(this, args[0], args[1]);
    return original.write.apply(this, args);
  };
  proto.end = function end(this: ServerResponse, ...args: any[]) {
    record(this, args[0], args[1]);
    const url = this.req?.url ?? '';
    if (!DBT_CLOUD_PATH.test(url)) {
      const where = `the response to ${this.req?.method} ${url}`;
      scanForSecrets(`${where} (headers)`, inspect(this.getHeaders()));
      scanForSecrets(
        `${where} (body)`,
        decodedBody(
          chunksOf.get(this) ?? [],
          this.getHeader('content-encoding') ?? encodingOf.get(this),
        ),
      );
    }
    chunksOf.delete(this);
    return original.end.apply(this, args);
  };
}

/** Secrets come from the config each test gives its backend. */
function collectSecretsFromConfig() {
  const factory = mockServices.rootConfig.factory;
  (mockServices.rootConfig as { factory: typeof factory }).factory =
    (options => {
      collectSecrets(options?.data);
      return factory(options);
    }) as typeof factory;
}

/** The default test logger (and the default auditor, which writes to it). */
function scanDefaultLogger() {
  const proto = Object.getPrototypeOf(mockServices.rootLogger()) as any;
  for (const level of ['error', 'warn', 'info', 'debug']) {
    const log = proto[level];
    proto[level] = function scannedLog(this: unknown, ...args: unknown[]) {
      scanForSecrets(`a ${level} log line`, inspect(args, { depth: 8 }));
      return log.apply(this, args);
    };
  }
}

/** Audit events given to mocked auditors (their calls are scanned after each test). */
function scanAuditorMocks() {
  const mock = mockServices.auditor.mock;
  (mockServices.auditor as { mock: typeof mock }).mock = (partialImpl => {
    const auditor = mock(partialImpl);
    auditorMocks.push(auditor);
    return auditor;
  }) as typeof mock;
}

/** Installs the scan: call once from setupTests.ts. */
export function installSecretScan() {
  collectSecretsFromConfig();
  scanHttpResponses();
  scanDefaultLogger();
  scanAuditorMocks();

  afterEach(async () => {
    await scanAuditEvents();
    throwOnLeaks();
  });
  // What beforeAll/afterAll hooks let out (a backend started once per file).
  afterAll(throwOnLeaks);
}

/** Scans the events given to mocked auditors so far (their outcomes settled). */
export async function scanAuditEvents() {
  for (const auditor of auditorMocks) {
    const createEvent = auditor.createEvent as jest.Mock;
    const events = await Promise.all(
      createEvent.mock.results.map(r => Promise.resolve(r.value)),
    );
    const outcomes = events.flatMap((event: any) =>
      [event?.success, event?.fail]
        .filter(fn => jest.isMockFunction(fn))
        .flatMap((fn: jest.Mock) => fn.mock.calls),
    );
    scanForSecrets(
      'an audit event',
      inspect([...createEvent.mock.calls, ...outcomes], { depth: 8 }),
    );
  }
}

/** Takes the leaks found so far (for the scan's own test). */
export function takeLeaks(): string[] {
  return leaks.splice(0);
}

function throwOnLeaks() {
  const found = leaks.splice(0);
  if (found.length > 0) {
    throw new Error(`A secret leaked:\n${[...new Set(found)].join('\n')}`);
  }
}
