import { FakeDbtCloudServer } from '../../testing';
import { DbtCloudClient } from '../DbtCloudClient';
import { DbtCloudClientOptions } from '../DbtCloudClientOptions';

/** A token distinctive enough that finding it anywhere is a leak. */
export const TOKEN = 'dbtc_S3CRET-token-0123456789abcdef';
export const OTHER_TOKEN = 'dbtc_other-account-token';
export const ACCOUNT_ID = 101;
export const OTHER_ACCOUNT_ID = 202;

export const manifest = {
  metadata: {
    dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
  },
  nodes: {
    'model.shop.orders': {
      unique_id: 'model.shop.orders',
      resource_type: 'model',
    },
  },
  sources: {},
};
export const catalog = {
  metadata: {
    dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json',
  },
  nodes: {},
  sources: {},
};
export const jobManifest = { ...manifest, nodes: {} };

export const paths = FakeDbtCloudServer.paths;
export const runArtifactPath = (runId: number, file: string) =>
  paths.runArtifact(ACCOUNT_ID, runId, file);

/**
 * Account 101 has job 45 (runs 121 older, 123 newest successful with docs,
 * 125 newer but failed), job 46 (run 200 without a catalog) and job 47 (no
 * runs, only job-level artifacts).
 */
export async function startFakeDbtCloud(): Promise<FakeDbtCloudServer> {
  return new FakeDbtCloudServer({
    discoveryPageSize: 500,
    accounts: [
      {
        id: ACCOUNT_ID,
        token: TOKEN,
        runs: [
          {
            id: 121,
            job_definition_id: 45,
            project_id: 7,
            finished_at: '2024-05-01T10:00:00Z',
            artifacts: { 'manifest.json': manifest },
          },
          {
            id: 123,
            job_definition_id: 45,
            project_id: 7,
            finished_at: '2024-05-02T10:00:00Z',
            artifacts: { 'manifest.json': manifest, 'catalog.json': catalog },
          },
          {
            id: 125,
            job_definition_id: 45,
            project_id: 7,
            status: 20,
            has_docs_generated: false,
            finished_at: '2024-05-03T10:00:00Z',
          },
          {
            id: 200,
            job_definition_id: 46,
            project_id: 7,
            finished_at: '2024-05-02T11:00:00Z',
            href: 'https://cloud.example.com/deploy/101/projects/7/runs/200/',
            artifacts: { 'manifest.json': manifest },
          },
        ],
        jobArtifacts: {
          47: { 'manifest.json': jobManifest, 'catalog.json': catalog },
        },
      },
      { id: OTHER_ACCOUNT_ID, token: OTHER_TOKEN },
    ],
  }).start();
}

/** A recording logger, so tests can check what was (and was not) logged. */
export function recordingLogger() {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => {
    lines.push(`${level}: ${message}`);
  };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
  };
}

/**
 * Short delays so failure tests finish quickly; time-outs long enough that a
 * busy machine is not taken for a silent dbt Cloud (tests of time-outs set
 * their own, see TIMEOUT_TEST_MS).
 */
export function clientFor(
  server: FakeDbtCloudServer,
  overrides: Partial<DbtCloudClientOptions> = {},
): DbtCloudClient {
  return new DbtCloudClient({
    accountName: 'main',
    accountId: ACCOUNT_ID,
    accessUrl: server.url,
    discoveryUrl: server.discoveryUrl,
    token: TOKEN,
    timeoutMs: 2000,
    artifactTimeoutMs: 4000,
    retries: 2,
    retryDelayMs: 10,
    maxRetryDelayMs: 1500,
    ...overrides,
  });
}

/** The time-out of the tests about time-outs. */
export const TIMEOUT_TEST_MS = 500;

/** Runs `action` and returns what it threw and how long it took. */
export async function failureOf(
  action: () => Promise<unknown>,
): Promise<{ error: any; ms: number }> {
  const started = Date.now();
  try {
    await action();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected the call to fail');
}

/**
 * Starts the fake (as {@link startFakeDbtCloud}) and a client for it before
 * each test, and stops both after; read `server` and `client` inside tests.
 */
export function useFakeDbtCloud(
  overrides: Partial<DbtCloudClientOptions> = {},
): { server: FakeDbtCloudServer; client: DbtCloudClient } {
  const context = {} as { server: FakeDbtCloudServer; client: DbtCloudClient };
  beforeEach(async () => {
    context.server = await startFakeDbtCloud();
    context.client = clientFor(context.server, overrides);
  });
  afterEach(async () => {
    await context.client.close();
    await context.server.stop();
  });
  return context;
}
