import { inspect } from 'node:util';
import {
  ACCOUNT_ID,
  clientFor,
  failureOf,
  manifest,
  OTHER_ACCOUNT_ID,
  OTHER_TOKEN,
  paths,
  runArtifactPath,
  TIMEOUT_TEST_MS,
  TOKEN,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import {
  DbtCloudAuthError,
  DbtCloudRateLimitedError,
  DbtCloudResponseError,
  DbtCloudTimeoutError,
  DbtCloudUnavailableError,
} from './errors';

/**
 * Every failure mode, with how many requests reached dbt Cloud and in which
 * order. The client under test has timeoutMs 2000, two retries and a 10 ms
 * backoff base (see clientFor); the time-out tests use TIMEOUT_TEST_MS. Times are checked only against generous
 * guards (GUARD_MS, or a wait the test makes far longer), never against a
 * few hundred ms: a busy machine is slow, not wrong.
 */
const GUARD_MS = 10_000;

describe('DbtCloudClient failures', () => {
  const fake = useFakeDbtCloud();
  const runPath = paths.run(ACCOUNT_ID, 123);
  const manifestPath = runArtifactPath(123, 'manifest.json');

  /** The requests to `path`, each begun after the one before it ended. */
  const expectSequentialAttempts = (path: string, count: number) => {
    const attempts = fake.server.requests.filter(r => r.path === path);
    expect(attempts).toHaveLength(count);
    attempts.slice(1).forEach((attempt, i) => {
      expect(attempt.startedAt).toBeGreaterThanOrEqual(attempts[i].finishedAt!);
    });
  };

  describe('auth and not-found answers are not retried', () => {
    it('401 for a bad token', async () => {
      const wrong = clientFor(fake.server, { token: 'not-the-token' });
      const { error } = await failureOf(() => wrong.getRun(123));
      await wrong.close();
      expect(error).toBeInstanceOf(DbtCloudAuthError);
      expect(error.status).toBe(401);
      expect(error.message).toMatch(
        /^dbt Cloud rejected the token for account main \(401\)/,
      );
      expect(fake.server.requestCount(runPath)).toBe(1);
    });

    it("403 for another account's token", async () => {
      const other = clientFor(fake.server, { token: OTHER_TOKEN });
      const { error } = await failureOf(() => other.getRun(123));
      await other.close();
      expect(error.name).toBe('DbtCloudAuthError');
      expect(error.status).toBe(403);
      expect(error.message).toBe(
        'dbt Cloud denied the token for account main access to dbt Cloud run 123 (403); the service token needs Job Viewer permission or broader (read access to runs and jobs: Job Viewer exists on Enterprise plans; otherwise use Job Admin, or on Developer and Starter plans a personal access token, since their service tokens carry only Semantic Layer permissions)',
      );
      expect(fake.server.requestCount()).toBe(1);
      expect(OTHER_ACCOUNT_ID).not.toBe(ACCOUNT_ID);
    });

    it('403 injected on an artifact', async () => {
      fake.server.inject(manifestPath, { kind: 'status', status: 403 });
      const { error } = await failureOf(() =>
        fake.client.getRunArtifact(123, 'manifest.json'),
      );
      expect(error.name).toBe('DbtCloudAuthError');
      expect(fake.server.requestCount(manifestPath)).toBe(1);
    });

    it('404 for an artifact the run never wrote', async () => {
      const { error } = await failureOf(() =>
        fake.client.getRunArtifact(125, 'manifest.json'),
      );
      expect(error.name).toBe('DbtCloudNotFoundError');
      expect(error.message).toBe(
        'dbt Cloud run 125 has no manifest.json in account main (404); the run may have failed before writing it, or the token may lack read access to the job\'s runs (dbt Cloud answers 404 for "not authorised" here too)',
      );
      expect(fake.server.requestCount()).toBe(1);
    });

    it("other 4xx answers, with dbt Cloud's own explanation", async () => {
      fake.server.inject(runPath, {
        kind: 'status',
        status: 400,
        body: {
          status: {
            code: 400,
            is_success: false,
            user_message: 'Invalid run id.',
          },
        },
      });
      const { error } = await failureOf(() => fake.client.getRun(123));
      expect(error).toBeInstanceOf(DbtCloudResponseError);
      expect(error.message).toBe(
        'dbt Cloud answered 400 for dbt Cloud run 123 (account main): Invalid run id.',
      );
      expect(fake.server.requestCount(runPath)).toBe(1);
    });
  });

  describe('429', () => {
    it('waits the Retry-After seconds, then succeeds', async () => {
      fake.server.inject(runPath, {
        kind: 'status',
        status: 429,
        retryAfter: '1',
      });
      const started = Date.now();
      await expect(fake.client.getRun(123)).resolves.toMatchObject({ id: 123 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(fake.server.requestCount(runPath)).toBe(2);
    });

    it('accepts Retry-After as an HTTP date', async () => {
      const soon = new Date(Date.now() + 1000).toUTCString();
      fake.server.inject(runPath, {
        kind: 'status',
        status: 429,
        retryAfter: soon,
      });
      await expect(fake.client.getRun(123)).resolves.toMatchObject({ id: 123 });
      expect(fake.server.requestCount(runPath)).toBe(2);
    });

    // Without Retry-After a 429 starts the account's cool-down instead of
    // being retried: see DbtCloudClient.rateLimit.test.ts.

    it('fails at once when Retry-After asks for more than the longest wait', async () => {
      fake.server.inject(runPath, {
        kind: 'status',
        status: 429,
        retryAfter: '300',
      });
      const { error, ms } = await failureOf(() => fake.client.getRun(123));
      expect(error).toBeInstanceOf(DbtCloudRateLimitedError);
      expect(error.retryAfterMs).toBe(300_000);
      expect(error.message).toBe(
        'dbt Cloud rate-limited account main (429, 1 attempt); try again in 300 s',
      );
      expect(fake.server.requestCount(runPath)).toBe(1);
      // It did not sit out the 300 s.
      expect(ms).toBeLessThan(GUARD_MS);
    });
  });

  describe('5xx', () => {
    it('retries a 500, then succeeds', async () => {
      fake.server.inject(manifestPath, { kind: 'status', status: 500 });
      await expect(
        fake.client.getRunArtifactJson(123, 'manifest.json'),
      ).resolves.toEqual(manifest);
      expectSequentialAttempts(manifestPath, 2);
    });

    it.each([502, 503])(
      'gives up on a lasting %i after the retries',
      async status => {
        fake.server.inject(runPath, { kind: 'status', status }, 10);
        const { error, ms } = await failureOf(() => fake.client.getRun(123));
        expect(error).toBeInstanceOf(DbtCloudUnavailableError);
        expect(error.status).toBe(status);
        expect(error.message).toMatch(
          new RegExp(
            `^dbt Cloud failed to answer for dbt Cloud run 123 \\(account main\\): ${status}.* \\(3 attempts\\); try again later$`,
          ),
        );
        expectSequentialAttempts(runPath, 3);
        expect(ms).toBeLessThan(GUARD_MS);
      },
    );

    it('does not retry when retries is 0', async () => {
      const once = clientFor(fake.server, { retries: 0 });
      fake.server.inject(runPath, { kind: 'status', status: 503 }, 10);
      await expect(once.getRun(123)).rejects.toThrow(/\(1 attempt\)/);
      await once.close();
      expect(fake.server.requestCount(runPath)).toBe(1);
    });
  });

  describe('time-outs are bounded and not retried', () => {
    it('an API call that never answers', async () => {
      const timing = clientFor(fake.server, { timeoutMs: TIMEOUT_TEST_MS });
      fake.server.inject(runPath, { kind: 'hang' });
      const { error, ms } = await failureOf(() => timing.getRun(123));
      await timing.close();
      expect(error).toBeInstanceOf(DbtCloudTimeoutError);
      expect(error.message).toBe(
        'dbt Cloud did not answer within 0.5 s (account main, dbt Cloud run 123)',
      );
      // It waited for the time-out, and only once.
      expect(ms).toBeGreaterThanOrEqual(450);
      expect(ms).toBeLessThan(GUARD_MS);
      expect(fake.server.requestCount(runPath)).toBe(1);
    });

    it('an artifact download that never starts is cut after timeoutMs, not artifactTimeoutMs', async () => {
      // artifactTimeoutMs far beyond the guard: only timeoutMs can end it in time.
      const slow = clientFor(fake.server, {
        timeoutMs: TIMEOUT_TEST_MS,
        artifactTimeoutMs: 120_000,
      });
      fake.server.inject(manifestPath, { kind: 'hang' });
      const { error, ms } = await failureOf(() =>
        slow.getRunArtifact(123, 'manifest.json'),
      );
      await slow.close();
      expect(error).toBeInstanceOf(DbtCloudTimeoutError);
      expect(error.timeoutMs).toBe(TIMEOUT_TEST_MS);
      expect(ms).toBeLessThan(GUARD_MS);
      expect(fake.server.requestCount(manifestPath)).toBe(1);
    });

    it('a slow download that outlasts artifactTimeoutMs', async () => {
      const impatient = clientFor(fake.server, { artifactTimeoutMs: 300 });
      // A byte every 200 ms: the whole body would take far beyond the guard.
      fake.server.inject(manifestPath, {
        kind: 'slow-body',
        delayMs: 200,
        chunkBytes: 1,
      });
      const { error, ms } = await failureOf(() =>
        impatient.getRunArtifact(123, 'manifest.json'),
      );
      await impatient.close();
      expect(error).toBeInstanceOf(DbtCloudTimeoutError);
      expect(error.message).toMatch(
        /^dbt Cloud did not answer within 0\.3 s \(account main, manifest\.json from dbt Cloud run 123\)$/,
      );
      expect(JSON.stringify(manifest).length * 200).toBeGreaterThan(
        GUARD_MS * 2,
      );
      expect(ms).toBeLessThan(GUARD_MS);
      expect(fake.server.requestCount(manifestPath)).toBe(1);
    });

    it('a slow download that keeps moving and ends in time succeeds', async () => {
      fake.server.inject(manifestPath, {
        kind: 'slow-body',
        delayMs: 20,
        chunkBytes: 64,
      });
      await expect(
        fake.client.getRunArtifactJson(123, 'manifest.json'),
      ).resolves.toEqual(manifest);
      expect(fake.server.requestCount(manifestPath)).toBe(1);
    });
  });

  describe('network failures', () => {
    it('retries a connection reset mid-body, then succeeds', async () => {
      fake.server.inject(manifestPath, { kind: 'reset-mid-body' });
      await expect(
        fake.client.getRunArtifactJson(123, 'manifest.json'),
      ).resolves.toEqual(manifest);
      expectSequentialAttempts(manifestPath, 2);
    });

    it('gives up on lasting resets after the retries', async () => {
      fake.server.inject(manifestPath, { kind: 'reset-mid-body' }, 10);
      const { error } = await failureOf(() =>
        fake.client.getRunArtifact(123, 'manifest.json'),
      );
      expect(error).toBeInstanceOf(DbtCloudUnavailableError);
      expect(error.message).toMatch(
        /^dbt Cloud dropped the connection \(account main\): \S+ \(3 attempts\)$/,
      );
      expectSequentialAttempts(manifestPath, 3);
    });

    it('a server that refuses connections', async () => {
      await fake.server.stop();
      const { error, ms } = await failureOf(() => fake.client.getRun(123));
      expect(error).toBeInstanceOf(DbtCloudUnavailableError);
      expect(error.message).toBe(
        'dbt Cloud is unreachable (account main): ECONNREFUSED (3 attempts)',
      );
      expect(ms).toBeLessThan(GUARD_MS);
    });
  });

  describe('the token never leaks', () => {
    it('appears in no error, log line or returned object', async () => {
      const lines: string[] = [];
      const log = (message: string) => lines.push(message);
      const leaky = clientFor(fake.server, {
        logger: { debug: log, info: log, warn: log },
      });
      const wrongToken = clientFor(fake.server, {
        token: 'wrong',
        logger: { debug: log, info: log, warn: log },
      });
      // A proxy that echoes the Authorization header back in its error body.
      fake.server.inject(runPath, {
        kind: 'status',
        status: 400,
        body: { status: { user_message: `bad header: Token ${TOKEN}` } },
      });
      fake.server.inject(
        paths.run(ACCOUNT_ID, 124),
        { kind: 'status', status: 503 },
        10,
      );
      fake.server.inject(runArtifactPath(123, 'catalog.json'), {
        kind: 'hang',
      });
      fake.server.inject(runArtifactPath(121, 'manifest.json'), {
        kind: 'truncated-json',
      });
      fake.server.inject(paths.graphql, {
        kind: 'status',
        status: 200,
        body: { errors: [{ message: `token ${TOKEN} lacks permission` }] },
      });
      const outcomes = await Promise.allSettled([
        leaky.getRun(123),
        leaky.getRun(124),
        leaky.getRun(999),
        leaky.getRunArtifact(123, 'catalog.json'),
        leaky.getRunArtifactJson(121, 'manifest.json'),
        leaky.getEnvironmentAppliedState(1),
        leaky.fetchRunArtifacts(123),
        leaky.fetchJobArtifacts(47),
        wrongToken.getRun(123),
      ]);
      await Promise.all([leaky.close(), wrongToken.close()]);
      const everything = [
        ...outcomes.map(outcome =>
          outcome.status === 'rejected'
            ? [
                outcome.reason.message,
                outcome.reason.stack,
                inspect(outcome.reason),
                JSON.stringify(outcome.reason),
              ].join('\n')
            : JSON.stringify(outcome.value),
        ),
        ...lines,
        inspect(leaky, { showHidden: true, depth: 5 }),
        JSON.stringify(leaky),
      ].join('\n');
      expect(
        outcomes.filter(o => o.status === 'rejected').length,
      ).toBeGreaterThanOrEqual(6);
      expect(everything).toContain('***');
      expect(everything).not.toContain(TOKEN);
      expect(everything).not.toContain(TOKEN.slice(5, 20));
    });
  });
});
