import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { answerAdminApi, fakeDbtCloudPaths } from './fakeAdminApi';
import { answerDiscoveryApi } from './fakeDiscoveryApi';
import {
  apiError,
  FakeAnswer,
  FakeArtifactBody,
  FakeDbtCloudAccount,
  FakeDbtCloudRun,
  FakeEnvironment,
  FakeFault,
  FakeRequestRecord,
  jsonAnswer,
} from './fakeTypes';
import { BodyFault, sendFakeAnswer } from './sendFakeAnswer';

export interface FakeDbtCloudServerOptions {
  accounts: FakeDbtCloudAccount[];
  /** Largest Discovery API page the fake returns, whatever `first` asks. Default 500. */
  discoveryPageSize?: number;
  /** Port on 127.0.0.1; default 0, an ephemeral port (tests). A fixed port suits the dev app. */
  port?: number;
}

interface FaultRule {
  match: string | RegExp;
  fault: FakeFault;
  remaining: number;
}

const ACCOUNT_PATH = /^\/api\/v2\/accounts\/(\d+)(\/.*)$/;

/**
 * A real HTTP server on 127.0.0.1 that behaves like dbt Cloud's
 * Administrative API v2 (runs, run and job artifacts) and Discovery API
 * (environment applied state) for tests: it checks the token, logs every
 * request, and fails on demand — statuses, hangs, resets, slow or truncated
 * or oversized bodies — for the next N requests to a path.
 */
export class FakeDbtCloudServer {
  static readonly paths = fakeDbtCloudPaths;

  /** Every request received, oldest first. */
  readonly requests: FakeRequestRecord[] = [];
  readonly #accounts: FakeDbtCloudAccount[];
  readonly #discoveryPageSize: number;
  readonly #port: number;
  #faults: FaultRule[] = [];
  #server?: Server;
  #url?: string;

  constructor(options: FakeDbtCloudServerOptions) {
    this.#accounts = options.accounts;
    this.#discoveryPageSize = options.discoveryPageSize ?? 500;
    this.#port = options.port ?? 0;
  }

  /** Base URL, e.g. http://127.0.0.1:54321 — use it as the access URL. */
  get url(): string {
    if (!this.#url) throw new Error('FakeDbtCloudServer is not started');
    return this.#url;
  }

  /** The Discovery API endpoint of this server. */
  get discoveryUrl(): string {
    return `${this.url}${fakeDbtCloudPaths.graphql}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.#handle(req, res).catch(error => {
        if (!res.headersSent)
          sendFakeAnswer(res, jsonAnswer(500, { error: String(error) }));
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.#server = server;
    this.#url = `http://127.0.0.1:${port}`;
    return this;
  }

  /** Stops listening and cuts every open connection, hung ones included. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /**
   * Applies `fault` to the next `times` requests whose path equals `match`
   * (or matches it, for a RegExp). Faults queue in the order injected.
   */
  inject(match: string | RegExp, fault: FakeFault, times = 1): void {
    this.#faults.push({ match, fault, remaining: times });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  /** Requests received whose path equals (or matches) `match`; all when omitted. */
  requestCount(match?: string | RegExp): number {
    return this.requests.filter(
      r => match === undefined || pathMatches(r.path, match),
    ).length;
  }

  addRun(accountId: number, run: FakeDbtCloudRun): void {
    const account = this.#account(accountId);
    account.runs = [...(account.runs ?? []), run];
  }

  /** Sets (or with `undefined`, removes) a job's latest artifact. */
  setJobArtifact(
    accountId: number,
    jobId: number,
    file: string,
    body?: FakeArtifactBody,
  ): void {
    const account = this.#account(accountId);
    const artifacts = { ...account.jobArtifacts?.[jobId], [file]: body };
    if (body === undefined) delete artifacts[file];
    account.jobArtifacts = {
      ...account.jobArtifacts,
      [jobId]: artifacts as Record<string, FakeArtifactBody>,
    };
  }

  setEnvironment(
    accountId: number,
    environmentId: number,
    environment: FakeEnvironment,
  ): void {
    const account = this.#account(accountId);
    account.environments = {
      ...account.environments,
      [environmentId]: environment,
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const record: FakeRequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      startedAt: Date.now(),
    };
    this.requests.push(record);
    res.on('close', () => {
      record.finishedAt = Date.now();
    });
    const requestBody = await readRequestBody(req);
    const graphqlRequest =
      url.pathname === fakeDbtCloudPaths.graphql
        ? parseJson(requestBody)
        : undefined;
    record.variables = graphqlRequest?.variables;
    if (typeof graphqlRequest?.query === 'string') {
      record.graphqlQuery = graphqlRequest.query;
    }

    const fault = this.#takeFault(url.pathname);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'status') {
      record.status = fault.status;
      const answer = fault.body
        ? jsonAnswer(fault.status, fault.body)
        : apiError(fault.status, `Injected ${fault.status}.`);
      sendFakeAnswer(
        res,
        answer,
        undefined,
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
      return;
    }
    const answer = this.#route(req, url, graphqlRequest);
    // Body faults only make sense on a successful answer.
    const bodyFault =
      answer.status < 300 ? (fault as BodyFault | undefined) : undefined;
    if (bodyFault?.kind !== 'reset-mid-body') record.status = answer.status;
    sendFakeAnswer(res, answer, bodyFault);
  }

  #route(req: IncomingMessage, url: URL, graphqlRequest: any): FakeAnswer {
    const token = /^(?:Token|Bearer) (.+)$/.exec(
      req.headers.authorization ?? '',
    )?.[1];
    const owner = this.#accounts.find(account => account.token === token);
    if (!owner) return apiError(401, 'Invalid token.');

    if (url.pathname === fakeDbtCloudPaths.graphql) {
      if (req.method !== 'POST')
        return jsonAnswer(405, { errors: [{ message: 'Use POST.' }] });
      return answerDiscoveryApi(
        owner,
        graphqlRequest ?? {},
        this.#discoveryPageSize,
      );
    }
    const match = ACCOUNT_PATH.exec(url.pathname);
    if (!match || req.method !== 'GET') return apiError(404, 'Not found.');
    const accountId = Number(match[1]);
    if (owner.id !== accountId) {
      return this.#accounts.some(account => account.id === accountId)
        ? apiError(403, 'You do not have permission to access this account.')
        : apiError(404, 'Account not found.');
    }
    return answerAdminApi(owner, match[2], url.searchParams);
  }

  #takeFault(path: string): FakeFault | undefined {
    const rule = this.#faults.find(
      r => r.remaining > 0 && pathMatches(path, r.match),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.#faults = this.#faults.filter(r => r.remaining > 0);
    return rule.fault;
  }

  #account(accountId: number): FakeDbtCloudAccount {
    const account = this.#accounts.find(a => a.id === accountId);
    if (!account)
      throw new Error(`FakeDbtCloudServer has no account ${accountId}`);
    return account;
  }
}

function pathMatches(path: string, match: string | RegExp): boolean {
  return typeof match === 'string' ? path === match : match.test(path);
}

async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
