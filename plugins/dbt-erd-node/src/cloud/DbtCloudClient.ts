/*
 * HTTP library: undici's `Dispatcher.request` on a dedicated `Agent`, not the
 * global fetch. undici is maintained by the Node.js core team and is what
 * Node's fetch runs on, but its own API gives what this client needs and
 * fetch does not: separate connect, time-to-first-byte and between-bytes
 * time-outs (a hung dbt Cloud is detected in `timeoutMs` even during a
 * ten-minute download), the body as a Node stream we count and cap byte by
 * byte, no silent gzip decoding (so Content-Length is the size we will
 * actually hold), and an opt-in redirect interceptor that drops the
 * Authorization header when leaving the origin. Retries are our own small
 * loop rather than undici's RetryAgent: we retry only 429, 5xx and dropped
 * connections, honour Retry-After only up to a cap, never retry a time-out
 * (the caller already waited the whole time-out once), log each retry, and
 * end with a typed error that says how many attempts were made.
 */
import {
  AccountRequests,
  ArtifactOrigin,
  RequestSubject,
} from './AccountRequests';
import { assertId } from './assertId';
import {
  accountKeyOf,
  DbtCloudClientOptions,
  resolveClientOptions,
} from './DbtCloudClientOptions';
import { DbtCloudLogger } from './DbtCloudLogger';
import {
  AppliedStateNeeds,
  appliedStateResourcesFor,
} from './discovery/appliedStateQuery';
import {
  AppliedStatePagingError,
  pageAppliedState,
} from './discovery/pageAppliedState';
import { DbtCloudAppliedState } from './discovery/types';
import { mixedInvocationWarning } from './artifactIdentity';
import {
  DbtCloudNotFoundError,
  DbtCloudResponseError,
  DbtCloudRunNotReadyError,
} from './errors';
import { allOrAbort } from './http/allOrAbort';
import { isRunReadable, isRunUnfinished, runStatusName } from './runState';
import { isApiRun, toDbtCloudRun } from './toDbtCloudRun';
import {
  DbtCloudArtifactFile,
  DbtCloudArtifacts,
  DbtCloudArtifactStreams,
  DbtCloudEnvironment,
  DbtCloudRun,
} from './types';

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** Per-call options. */
export interface DbtCloudRequestOptions {
  /** Aborts the call, e.g. when the browser request that needed it went away. */
  signal?: AbortSignal;
}

/** Options of reading an environment's applied state. */
export interface DbtCloudAppliedStateOptions extends DbtCloudRequestOptions {
  /**
   * Which optional resource types to read (default both): tests only for
   * test_relationship, semantic models only for semantic; see
   * `appliedStateNeedsFor`.
   */
  needs?: AppliedStateNeeds;
}

/** Options of the calls that fetch manifest and catalog together. */
export interface DbtCloudFetchArtifactsOptions extends DbtCloudRequestOptions {
  /**
   * `json` (default) parses each artifact; `bytes` returns its bytes (one
   * Buffer each) for a streaming reader such as the engine's
   * `buildErdFromBytes`, which needs far less memory on large manifests.
   */
  as?: 'json' | 'bytes';
  /**
   * The run, when the caller already looked it up (`getRun`, `findJobRun`):
   * it is not asked for again, so a build costs one run request, not two.
   */
  run?: DbtCloudRun;
}

const MAX_DISCOVERY_PAGES = 1000;
/** Runs of a job looked at for one that can be read (newest first). */
const JOB_RUN_CANDIDATES = 10;

/** The run a job's ERD is read from, and what a person should know about that choice. */
export interface DbtCloudJobRun {
  run: DbtCloudRun;
  warnings: string[];
}

/**
 * Reads runs and artifacts of one dbt Cloud account from the Administrative
 * API v2, and an environment's applied state from the Discovery API. Every
 * failure is a typed DbtCloudError (or DbtArtifactError for invalid JSON)
 * whose message names the account and resource, never the token.
 */
export class DbtCloudClient {
  readonly accountName: string;
  readonly accountId: string;
  /**
   * What identifies the account's data: its access URL and id (the numeric
   * id alone repeats across regions and cells). Cache keys start with it.
   */
  readonly accountKey: string;
  readonly #accessUrl: string;
  readonly #discoveryPageSize: number;
  readonly #logger: DbtCloudLogger;
  readonly #requests: AccountRequests;

  constructor(options: DbtCloudClientOptions) {
    const resolved = resolveClientOptions(options);
    this.accountName = resolved.accountName;
    this.accountId = resolved.accountId;
    this.#accessUrl = resolved.accessUrl;
    this.accountKey = accountKeyOf(resolved);
    this.#discoveryPageSize = resolved.discoveryPageSize;
    this.#logger = resolved.logger;
    this.#requests = new AccountRequests(resolved);
  }

  /** One run. */
  async getRun(
    runId: number,
    options: DbtCloudRequestOptions = {},
  ): Promise<DbtCloudRun> {
    assertId(runId, 'run');
    const subject = `dbt Cloud run ${runId}`;
    const data = await this.#requests.getApiData(`runs/${runId}/`, {
      subject,
      notFoundMessage: `${subject} not found in account ${this.accountName} (404)`,
      signal: options.signal,
    });
    if (!isApiRun(data)) throw this.#requests.unexpectedAnswer(subject);
    return toDbtCloudRun(data, this.#accessUrl, this.accountId);
  }

  /**
   * One environment's details (Administrative API v2), read for the project
   * it belongs to: the Discovery API's applied state does not say.
   */
  async getEnvironment(
    environmentId: number,
    options: DbtCloudRequestOptions = {},
  ): Promise<DbtCloudEnvironment> {
    assertId(environmentId, 'environment');
    const subject = `dbt Cloud environment ${environmentId}`;
    const data = (await this.#requests.getApiData(
      `environments/${environmentId}/`,
      {
        subject,
        notFoundMessage: `${subject} not found in account ${this.accountName} (404)`,
        signal: options.signal,
      },
    )) as { project_id?: unknown; name?: unknown } | null;
    if (!data || typeof data !== 'object' || !isId(data.project_id)) {
      throw this.#requests.unexpectedAnswer(subject);
    }
    return {
      id: environmentId,
      projectId: data.project_id,
      name: typeof data.name === 'string' ? data.name : undefined,
    };
  }

  /**
   * The job's newest successful, completed run that generated docs and saved
   * its artifacts, or undefined when there is none.
   */
  async findLatestSuccessfulRunWithDocs(
    jobId: number,
    options: DbtCloudRequestOptions = {},
  ): Promise<DbtCloudRun | undefined> {
    const runs = await this.#listSuccessfulRuns(jobId, true, options);
    return runs.find(isRunReadable);
  }

  /** The job's readable successful runs that generated docs, newest first (from the newest `limit`, 1 to 100). */
  async listSuccessfulRunsWithDocs(
    jobId: number,
    options: DbtCloudRequestOptions & { limit: number },
  ): Promise<DbtCloudRun[]> {
    const runs = await this.#listSuccessfulRuns(jobId, true, options);
    return runs.filter(isRunReadable);
  }

  /**
   * The run a job's ERD is read from: the newest successful run with docs;
   * else (dbt Fusion jobs may not set `has_docs_generated`, writing the
   * catalog with `dbt compile --write-catalog`) the newest successful run
   * that has a catalog.json; else the newest successful run. Every fallback
   * says so in `warnings`. Undefined when the job has no readable run.
   */
  async findJobRun(
    jobId: number,
    options: DbtCloudRequestOptions = {},
  ): Promise<DbtCloudJobRun | undefined> {
    const withDocs = await this.findLatestSuccessfulRunWithDocs(jobId, options);
    if (withDocs) return { run: withDocs, warnings: [] };
    const noRun = this.#noRunMessage(jobId);
    const candidates = (
      await this.#listSuccessfulRuns(jobId, false, options)
    ).filter(isRunReadable);
    for (const run of candidates) {
      const files = await this.listRunArtifacts(run.id, options);
      if (files.includes('catalog.json')) {
        return {
          run,
          warnings: [
            `${noRun}; using run ${run.id}, the newest successful run with a catalog.json (dbt Fusion jobs write it with dbt compile --write-catalog)`,
          ],
        };
      }
    }
    const [newest] = candidates;
    return newest
      ? {
          run: newest,
          warnings: [
            `${noRun}; using run ${newest.id}, the newest successful run`,
          ],
        }
      : undefined;
  }

  /** The paths of the artifacts a run saved, e.g. `manifest.json`. */
  async listRunArtifacts(
    runId: number,
    options: DbtCloudRequestOptions = {},
  ): Promise<string[]> {
    assertId(runId, 'run');
    const subject = `artifacts of dbt Cloud run ${runId}`;
    const data = await this.#requests.getApiData(`runs/${runId}/artifacts/`, {
      subject,
      notFoundMessage: `dbt Cloud run ${runId} has no artifacts in account ${this.accountName} (404)`,
      signal: options.signal,
    });
    if (!Array.isArray(data)) throw this.#requests.unexpectedAnswer(subject);
    return data.filter((path): path is string => typeof path === 'string');
  }

  /** Like {@link DbtCloudClient.findLatestSuccessfulRunWithDocs}, but a missing run is a DbtCloudNotFoundError. */
  async getLatestSuccessfulRunWithDocs(
    jobId: number,
    options: DbtCloudRequestOptions = {},
  ): Promise<DbtCloudRun> {
    const run = await this.findLatestSuccessfulRunWithDocs(jobId, options);
    if (!run) {
      throw new DbtCloudNotFoundError(
        this.#noRunMessage(jobId),
        this.accountName,
      );
    }
    return run;
  }

  /** A run's artifact as bytes (one buffer, sized from Content-Length when sent). */
  getRunArtifact(
    runId: number,
    file: DbtCloudArtifactFile,
    options: DbtCloudRequestOptions = {},
  ): Promise<Buffer> {
    const origin: ArtifactOrigin = { kind: 'run', id: runId };
    return this.#requests.downloadBytes(origin, file, options.signal);
  }

  /** A run's artifact, parsed; the bytes are decoded as they stream, never held whole. */
  getRunArtifactJson(
    runId: number,
    file: DbtCloudArtifactFile,
    options: DbtCloudRequestOptions = {},
  ): Promise<unknown> {
    const origin: ArtifactOrigin = { kind: 'run', id: runId };
    return this.#requests.downloadJson(origin, file, options.signal);
  }

  /** The latest artifact dbt Cloud has for a job, as bytes. */
  getJobArtifact(
    jobId: number,
    file: DbtCloudArtifactFile,
    options: DbtCloudRequestOptions = {},
  ): Promise<Buffer> {
    const origin: ArtifactOrigin = { kind: 'job', id: jobId };
    return this.#requests.downloadBytes(origin, file, options.signal);
  }

  /** The latest artifact dbt Cloud has for a job, parsed. */
  getJobArtifactJson(
    jobId: number,
    file: DbtCloudArtifactFile,
    options: DbtCloudRequestOptions = {},
  ): Promise<unknown> {
    const origin: ArtifactOrigin = { kind: 'job', id: jobId };
    return this.#requests.downloadJson(origin, file, options.signal);
  }

  /**
   * A run's details, then its manifest and catalog in parallel. A run still
   * queued or running is a DbtCloudRunNotReadyError and one that saved no
   * artifacts a DbtCloudNotFoundError, both without downloading anything.
   */
  async fetchRunArtifacts(
    runId: number,
    options: DbtCloudFetchArtifactsOptions = {},
  ): Promise<DbtCloudArtifacts> {
    const run = await this.#readableRun(runId, options);
    const origin: ArtifactOrigin = { kind: 'run', id: runId };
    const [manifest, catalog] = await allOrAbort(
      options.signal,
      signal =>
        this.#downloadArtifact(origin, 'manifest.json', options, signal),
      signal => this.#downloadCatalog(origin, options, signal),
    );
    return {
      manifest,
      catalog: catalog.value,
      run,
      warnings: catalog.warnings,
    };
  }

  /**
   * A run's artifacts for a reader that consumes the manifest as it
   * downloads (the engine's `indexProject`), so the bytes are never held
   * whole and reading overlaps the download. The catalog is downloaded
   * beside it, as bytes, and `read` starts once it is in: a streaming reader
   * needs it before the manifest's first node anyway (the manifest waits on
   * its socket meanwhile). `read` runs inside the manifest's download
   * attempt: a connection broken midway is retried like any download, and
   * `read` called again from the first byte. Checks the run like
   * {@link DbtCloudClient.fetchRunArtifacts}.
   */
  async readRunArtifacts<T>(
    runId: number,
    read: (artifacts: DbtCloudArtifactStreams) => Promise<T>,
    options: Omit<DbtCloudFetchArtifactsOptions, 'as'> = {},
  ): Promise<T> {
    const run = await this.#readableRun(runId, options);
    const origin: ArtifactOrigin = { kind: 'run', id: runId };
    let catalogDone: Promise<{ value?: unknown; warnings: string[] }>;
    const [, value] = await allOrAbort(
      options.signal,
      signal =>
        (catalogDone = this.#downloadCatalog(origin, { as: 'bytes' }, signal)),
      signal =>
        this.#requests.streamArtifact(
          origin,
          'manifest.json',
          async manifest => {
            const catalog = await catalogDone;
            return read({
              manifest,
              catalog: catalog.value as Uint8Array | undefined,
              run,
              warnings: catalog.warnings,
            });
          },
          signal,
        ),
    );
    return value;
  }

  /** The run to read artifacts of (the caller's copy when it has one), checked readable. */
  async #readableRun(
    runId: number,
    options: DbtCloudRequestOptions & { run?: DbtCloudRun },
  ): Promise<DbtCloudRun> {
    assertId(runId, 'run');
    const run =
      options.run?.id === runId
        ? options.run
        : await this.getRun(runId, options);
    this.#assertReadable(run);
    return run;
  }

  /**
   * The artifacts of the run {@link DbtCloudClient.findJobRun} picks, so
   * manifest and catalog come from one run. When the job has no readable
   * run, falls back to the job's latest artifacts (each file the latest of
   * its kind, possibly from different runs: compared, and warned about).
   */
  async fetchJobArtifacts(
    jobId: number,
    options: DbtCloudFetchArtifactsOptions = {},
  ): Promise<DbtCloudArtifacts> {
    const found = await this.findJobRun(jobId, options);
    if (found) {
      const artifacts = await this.fetchRunArtifacts(found.run.id, {
        ...options,
        run: found.run,
      });
      return {
        ...artifacts,
        warnings: [...found.warnings, ...artifacts.warnings],
      };
    }
    const noRun = this.#noRunMessage(jobId);
    const origin: ArtifactOrigin = {
      kind: 'job',
      id: jobId,
      notFoundMessage: `${noRun}, and the job has no manifest.json artifact (404)`,
    };
    const [manifest, catalog] = await allOrAbort(
      options.signal,
      signal =>
        this.#downloadArtifact(origin, 'manifest.json', options, signal),
      signal => this.#downloadCatalog(origin, options, signal),
    );
    const mixed = mixedInvocationWarning(
      `dbt Cloud job ${jobId}`,
      manifest,
      catalog.value,
    );
    const warnings = [
      `${noRun}; showing the job's latest artifacts`,
      ...catalog.warnings,
      ...(mixed ? [mixed] : []),
    ];
    return { manifest, catalog: catalog.value, run: undefined, warnings };
  }

  /**
   * An environment's applied state from the Discovery API (as dbterd's
   * `run-metadata` reads it), every page joined. No artifact download needed.
   */
  async getEnvironmentAppliedState(
    environmentId: number,
    options: DbtCloudAppliedStateOptions = {},
  ): Promise<DbtCloudAppliedState> {
    assertId(environmentId, 'environment');
    const subject = `dbt Cloud environment ${environmentId}`;
    const notFound = `${subject} not found in account ${this.accountName}`;
    const request: RequestSubject = {
      subject,
      notFoundMessage: `${notFound} (404)`,
      signal: options.signal,
    };
    let state: DbtCloudAppliedState | undefined;
    try {
      state = await pageAppliedState({
        environmentId,
        pageSize: this.#discoveryPageSize,
        maxPages: MAX_DISCOVERY_PAGES,
        resources: appliedStateResourcesFor(
          options.needs ?? { tests: true, semanticModels: true },
        ),
        onSmallerPage: pageSize =>
          this.#logger.warn(
            `The Discovery API timed out for ${subject} (account ${this.accountName}); asking again with pages of ${pageSize}`,
          ),
        post: (query, variables) =>
          this.#requests.postGraphql(query, variables, request),
      });
    } catch (error) {
      if (!(error instanceof AppliedStatePagingError)) throw error;
      throw new DbtCloudResponseError(
        `the Discovery API ${error.message} for ${subject} (account ${
          this.accountName
        })${error.details ? `: ${error.details}` : ''}`,
        this.accountName,
      );
    }
    if (!state) throw new DbtCloudNotFoundError(notFound, this.accountName);
    this.#logger.info(
      `Read ${subject}: ${state.models.length} model(s), ${state.sources.length} source(s), ${state.tests.length} test(s) in ${state.pages} page(s)`,
    );
    return state;
  }

  /**
   * Whether dbt Cloud rate-limited the account and its cool-down is still
   * on (as every replica sharing the cool-down store sees it): callers may
   * then fall back to what they already have instead of failing.
   */
  async isCoolingDown(): Promise<boolean> {
    return (await this.#requests.coolDownRemainingMs()) > 0;
  }

  /** Closes idle connections; call when the client is no longer needed. */
  close(): Promise<void> {
    return this.#requests.close();
  }

  #downloadArtifact(
    origin: ArtifactOrigin,
    file: DbtCloudArtifactFile,
    options: DbtCloudFetchArtifactsOptions,
    signal: AbortSignal,
  ): Promise<unknown> {
    return options.as === 'bytes'
      ? this.#requests.downloadBytes(origin, file, signal)
      : this.#requests.downloadJson(origin, file, signal);
  }

  /** catalog.json is optional: a 404 becomes a warning instead of an error. */
  async #downloadCatalog(
    origin: ArtifactOrigin,
    options: DbtCloudFetchArtifactsOptions,
    signal: AbortSignal,
  ): Promise<{ value?: unknown; warnings: string[] }> {
    try {
      const value = await this.#downloadArtifact(
        origin,
        'catalog.json',
        options,
        signal,
      );
      return { value, warnings: [] };
    } catch (error) {
      if (!(error instanceof DbtCloudNotFoundError)) throw error;
      return {
        warnings: [
          `catalog.json not found for dbt Cloud ${origin.kind} ${origin.id}; column types are missing (enable "Generate docs on run" for the job)`,
        ],
      };
    }
  }

  #assertReadable(run: DbtCloudRun): void {
    if (isRunUnfinished(run)) {
      throw new DbtCloudRunNotReadyError(
        `dbt Cloud run ${run.id} is still ${runStatusName(run)} in account ${
          this.accountName
        }; its artifacts can be read once it has finished`,
        this.accountName,
      );
    }
    if (run.artifactsSaved === false) {
      throw new DbtCloudNotFoundError(
        `dbt Cloud run ${run.id} saved no artifacts (artifacts_saved is false) in account ${this.accountName}; pin a run that did, or use the job's latest successful run`,
        this.accountName,
      );
    }
  }

  /** Successful runs of a job, newest first; with docs generated when `withDocs`. */
  async #listSuccessfulRuns(
    jobId: number,
    withDocs: boolean,
    options: DbtCloudRequestOptions & { limit?: number },
  ): Promise<DbtCloudRun[]> {
    assertId(jobId, 'job');
    const limit = Math.min(
      100,
      Math.max(1, Math.floor(options.limit ?? JOB_RUN_CANDIDATES)),
    );
    const query = new URLSearchParams({
      job_definition_id: String(jobId),
      status: '10',
      ...(withDocs ? { has_docs_generated: 'true' } : {}),
      order_by: '-finished_at',
      limit: String(limit),
    });
    const subject = `runs of dbt Cloud job ${jobId}`;
    const data = await this.#requests.getApiData(`runs/?${query}`, {
      subject,
      notFoundMessage: `dbt Cloud job ${jobId} not found in account ${this.accountName} (404)`,
      signal: options.signal,
    });
    if (!Array.isArray(data) || !data.every(isApiRun)) {
      throw this.#requests.unexpectedAnswer(subject);
    }
    return data.map(run => toDbtCloudRun(run, this.#accessUrl, this.accountId));
  }

  #noRunMessage(jobId: number): string {
    return `no successful run with docs generated for job ${jobId} in account ${this.accountName}`;
  }
}
