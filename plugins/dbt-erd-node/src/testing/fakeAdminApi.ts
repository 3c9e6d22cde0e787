import {
  apiError,
  FakeAnswer,
  FakeArtifactBody,
  FakeDbtCloudAccount,
  FakeDbtCloudRun,
  jsonAnswer,
} from './fakeTypes';

/** Paths of the fake's Administrative API, for injecting faults and counting requests. */
export const fakeDbtCloudPaths = {
  runs: (accountId: number) => `/api/v2/accounts/${accountId}/runs/`,
  run: (accountId: number, runId: number) =>
    `/api/v2/accounts/${accountId}/runs/${runId}/`,
  runArtifact: (accountId: number, runId: number, file: string) =>
    `/api/v2/accounts/${accountId}/runs/${runId}/artifacts/${file}`,
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
    pattern: /^\/runs\/(\d+)\/artifacts\/(.+)$/,
    answer: (account, [runId], _query, file) => {
      const run = account.runs?.find(r => r.id === runId);
      if (!run) return apiError(404, 'Run not found.');
      return artifact(run.artifacts?.[file]);
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
    ? jsonAnswer(200, {
        status: { code: 200, is_success: true },
        data: runJson(run),
      })
    : apiError(404, 'Run not found.');
}

function listRuns(
  account: FakeDbtCloudAccount,
  query: URLSearchParams,
): FakeAnswer {
  let runs = (account.runs ?? []).map(runJson);
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
  return jsonAnswer(200, {
    status: { code: 200, is_success: true },
    data: page,
    extra: { pagination: { count: page.length, total_count: runs.length } },
  });
}

function runJson(run: FakeDbtCloudRun) {
  const { artifacts: _artifacts, ...fields } = run;
  return {
    project_id: 1,
    status: 10,
    has_docs_generated: true,
    finished_at: null as string | null,
    ...fields,
  };
}

function artifact(body: FakeArtifactBody | undefined): FakeAnswer {
  if (body === undefined)
    return apiError(404, 'The requested artifact was not found.');
  if (Buffer.isBuffer(body)) return { status: 200, body };
  if (typeof body === 'string') return { status: 200, body: Buffer.from(body) };
  return jsonAnswer(200, body);
}
