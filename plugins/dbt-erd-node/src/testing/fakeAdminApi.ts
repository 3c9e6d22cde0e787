import {
  apiError,
  FakeAnswer,
  FakeArtifactBody,
  FakeDbtCloudAccount,
  FakeDbtCloudRun,
  jsonAnswer,
  responseStatus,
} from './fakeTypes';

/** Paths of the fake's Administrative API, for injecting faults and counting requests. */
export const fakeDbtCloudPaths = {
  runs: (accountId: number) => `/api/v2/accounts/${accountId}/runs/`,
  run: (accountId: number, runId: number) =>
    `/api/v2/accounts/${accountId}/runs/${runId}/`,
  runArtifacts: (accountId: number, runId: number) =>
    `/api/v2/accounts/${accountId}/runs/${runId}/artifacts/`,
  runArtifact: (accountId: number, runId: number, file: string) =>
    `/api/v2/accounts/${accountId}/runs/${runId}/artifacts/${file}`,
  environment: (accountId: number, environmentId: number) =>
    `/api/v2/accounts/${accountId}/environments/${environmentId}/`,
  jobArtifact: (accountId: number, jobId: number, file: string) =>
    `/api/v2/accounts/${accountId}/jobs/${jobId}/artifacts/${file}`,
  graphql: '/graphql',
};

const ROUTES: Array<{
  pattern: RegExp;
  answer: (
    account: FakeDbtCloudAccount,
    ids: number[],
    query: URLSearchParams,
    file: string,
  ) => FakeAnswer;
}> = [
  {
    pattern: /^\/runs\/$/,
    answer: (account, _ids, query) => listRuns(account, query),
  },
  {
    pattern: /^\/runs\/(\d+)\/$/,
    answer: (account, [runId]) => getRun(account, runId),
  },
  {
    pattern: /^\/runs\/(\d+)\/artifacts\/$/,
    answer: (account, [runId]) => {
      const run = account.runs?.find(r => r.id === runId);
      if (!run) return apiError(404, 'Run not found.');
      const saved = runJson(run, account.id).artifacts_saved;
      return envelope(saved ? Object.keys(run.artifacts ?? {}) : []);
    },
  },
  {
    pattern: /^\/runs\/(\d+)\/artifacts\/(.+)$/,
    answer: (account, [runId], _query, file) => {
      const run = account.runs?.find(r => r.id === runId);
      if (!run) return apiError(404, 'Run not found.');
      if (!runJson(run, account.id).artifacts_saved) return artifact(undefined);
      return artifact(run.artifacts?.[file]);
    },
  },
  {
    pattern: /^\/environments\/(\d+)\/$/,
    answer: (account, [environmentId]) => {
      const environment = account.environments?.[environmentId];
      if (!environment) return apiError(404, 'Environment not found.');
      // EnvironmentV2Response's required fields, as the OpenAPI spec lists them.
      return envelope({
        id: environmentId,
        account_id: account.id,
        project_id: environment.project_id ?? 1,
        name: environment.name ?? `Environment ${environmentId}`,
        type: 'deployment',
        state: 1,
        supports_docs: true,
        use_custom_branch: false,
        raw_dbt_version: '1.9.0-latest',
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
        custom_environment_variables: [],
        jobs: [],
        repository: { account_id: account.id, state: 1 },
        connection: {
          account_id: account.id,
          name: 'Warehouse',
          type: 'postgres',
          hostname: 'warehouse.example.com',
          port: 5432,
          dbname: 'analytics',
          state: 1,
          tunnel_enabled: false,
        },
      });
    },
  },
  {
    pattern: /^\/jobs\/(\d+)\/artifacts\/(.+)$/,
    answer: (account, [jobId], _query, file) =>
      artifact(account.jobArtifacts?.[jobId]?.[file]),
  },
];

/** Answers a request below /api/v2/accounts/{id}, for an account already authorised. */
export function answerAdminApi(
  account: FakeDbtCloudAccount,
  rest: string,
  query: URLSearchParams,
): FakeAnswer {
  for (const route of ROUTES) {
    const match = route.pattern.exec(rest);
    if (!match) continue;
    const ids = match
      .slice(1)
      .filter(part => /^\d+$/.test(part))
      .map(Number);
    const file = match[match.length - 1];
    return route.answer(account, ids, query, file);
  }
  return apiError(404, 'Not found.');
}

function getRun(account: FakeDbtCloudAccount, runId: number): FakeAnswer {
  const run = account.runs?.find(r => r.id === runId);
  return run
    ? envelope(runJson(run, account.id))
    : apiError(404, 'Run not found.');
}

function listRuns(
  account: FakeDbtCloudAccount,
  query: URLSearchParams,
): FakeAnswer {
  let runs = (account.runs ?? []).map(run => runJson(run, account.id));
  const job = query.get('job_definition_id');
  if (job) runs = runs.filter(r => String(r.job_definition_id) === job);
  const status = query.get('status');
  if (status) runs = runs.filter(r => String(r.status) === status);
  const docs = query.get('has_docs_generated');
  if (docs) runs = runs.filter(r => String(r.has_docs_generated) === docs);
  const order = query.get('order_by');
  if (order) {
    const field = order.replace(/^-/, '') as keyof ReturnType<typeof runJson>;
    const sign = order.startsWith('-') ? -1 : 1;
    runs.sort(
      (a, b) =>
        sign *
        String(a[field] ?? '').localeCompare(
          String(b[field] ?? ''),
          undefined,
          { numeric: true },
        ),
    );
  }
  const offset = Number(query.get('offset') ?? 0);
  const limit = Math.min(100, Number(query.get('limit') ?? 100));
  const page = runs.slice(offset, offset + limit);
  const filters = Object.fromEntries(
    [...query].filter(
      ([name]) => !['limit', 'offset', 'order_by'].includes(name),
    ),
  );
  return envelope(page, {
    filters,
    order_by: order ?? 'id',
    pagination: { count: page.length, total_count: runs.length },
  });
}

/** A successful answer in the API's envelope: `{status, data}`, plus `extra` on lists. */
function envelope(data: unknown, extra?: object): FakeAnswer {
  return jsonAnswer(200, {
    status: responseStatus(200, 'Success!'),
    data,
    ...(extra ? { extra } : {}),
  });
}

const IN_PROGRESS = new Set([1, 2, 3]);
const STATUS_HUMANIZED: Record<number, string> = {
  1: 'Queued',
  2: 'Starting',
  3: 'Running',
  10: 'Success',
  20: 'Error',
  30: 'Cancelled',
};

/**
 * A run as RunResponse in the OpenAPI spec: the fields the spec marks
 * required (created_at, updated_at) always, unset ones left out rather than
 * null (the spec declares no nullable fields), and the state flags derived
 * from the status as dbt Cloud does.
 */
function runJson(run: FakeDbtCloudRun, accountId: number) {
  const { artifacts: _artifacts, ...fields } = run;
  const status = run.status ?? 10;
  const inProgress = IN_PROGRESS.has(status);
  const created = '2024-01-01T00:00:00Z';
  return {
    account_id: accountId,
    project_id: 1,
    has_docs_generated: true,
    created_at: created,
    updated_at: run.finished_at ?? created,
    in_progress: inProgress,
    is_complete: !inProgress,
    is_running: status === 3,
    is_success: status === 10,
    is_error: status === 20,
    is_cancelled: status === 30,
    status_humanized: STATUS_HUMANIZED[status] ?? 'Unknown',
    artifacts_saved: !inProgress,
    ...fields,
    status,
    job_id: run.job_definition_id,
  };
}

function artifact(body: FakeArtifactBody | undefined): FakeAnswer {
  if (body === undefined)
    return apiError(404, 'The requested artifact was not found.');
  if (Buffer.isBuffer(body)) return { status: 200, body };
  if (typeof body === 'string') return { status: 200, body: Buffer.from(body) };
  return jsonAnswer(200, body);
}
