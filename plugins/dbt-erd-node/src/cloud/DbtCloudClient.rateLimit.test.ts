import {
  ACCOUNT_ID,
  clientFor,
  failureOf,
  paths,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudClient } from './DbtCloudClient';
import { DbtCloudRateLimitedError } from './errors';
import { memoryCoolDownStore } from './http/RateLimitCoolDown';

const runPath = paths.run(ACCOUNT_ID, 123);

/** Issue 18.6: a 429 starts a per-account cool-down instead of quick retries. */
describe('DbtCloudClient rate-limit cool-down', () => {
  const store = memoryCoolDownStore();
  const fake = useFakeDbtCloud({ coolDownStore: store });

  it('does not retry a 429 without Retry-After, and names the five-minute cool-down', async () => {
    fake.server.inject(runPath, { kind: 'status', status: 429 }, 10);
    const { error } = await failureOf(() => fake.client.getRun(123));
    expect(error).toBeInstanceOf(DbtCloudRateLimitedError);
    expect(error.message).toBe(
      'dbt Cloud rate-limited account main (429, 1 attempt); try again in 300 s',
    );
    expect(error.retryAfterMs).toBe(300_000);
    expect(fake.server.requestCount(runPath)).toBe(1);
  });

  it('answers at once during the cool-down, for every path of the account, without calling dbt Cloud', async () => {
    fake.server.inject(runPath, { kind: 'status', status: 429 });
    await failureOf(() => fake.client.getRun(123));
    const before = fake.server.requestCount();
    const { error } = await failureOf(() =>
      fake.client.fetchJobArtifacts(45, { as: 'bytes' }),
    );
    expect(error).toBeInstanceOf(DbtCloudRateLimitedError);
    expect(error.message).toMatch(
      /^dbt Cloud rate-limited account main \(429\) and asked for a cool-down; not calling it for another \d+ s$/,
    );
    expect(error.retryAfterMs).toBeGreaterThan(290_000);
    expect(fake.server.requestCount()).toBe(before);
  });

  it('is shared by every client given the same store (replicas), per account', async () => {
    const replica = clientFor(fake.server, { coolDownStore: store });
    const otherHost = new DbtCloudClient({
      accountName: 'main',
      accountId: ACCOUNT_ID,
      // Same numeric id, another access URL: another account, no cool-down.
      accessUrl: fake.server.url.replace('127.0.0.1', 'localhost'),
      token: 'dbtc_S3CRET-token-0123456789abcdef',
      coolDownStore: store,
      retries: 0,
    });
    try {
      fake.server.inject(runPath, { kind: 'status', status: 429 });
      await failureOf(() => fake.client.getRun(123));
      const before = fake.server.requestCount();
      await expect(replica.getRun(123)).rejects.toBeInstanceOf(
        DbtCloudRateLimitedError,
      );
      expect(fake.server.requestCount()).toBe(before);
      await expect(otherHost.getRun(123)).resolves.toMatchObject({ id: 123 });
    } finally {
      await replica.close();
      await otherHost.close();
    }
  });

  /**
   * Runs `test` with a client of its own cool-down store, the next request
   * for the run answered with a 429 carrying this Retry-After.
   */
  async function afterA429WithRetryAfter(
    retryAfter: string,
    test: (client: DbtCloudClient) => Promise<void>,
  ) {
    const fresh = clientFor(fake.server, {
      coolDownStore: memoryCoolDownStore(),
    });
    try {
      fake.server.inject(runPath, { kind: 'status', status: 429, retryAfter });
      await test(fresh);
    } finally {
      await fresh.close();
    }
  }

  it('cools down for Retry-After when dbt Cloud sends one longer than the longest wait', async () => {
    await afterA429WithRetryAfter('60', async client => {
      await failureOf(() => client.getRun(123));
      const { error } = await failureOf(() => client.getRun(123));
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(error.retryAfterMs).toBeGreaterThan(50_000);
      expect(fake.server.requestCount(runPath)).toBe(1);
    });
  });

  it('still waits out a short Retry-After and succeeds, with no cool-down left', async () => {
    await afterA429WithRetryAfter('0', async client => {
      await expect(client.getRun(123)).resolves.toMatchObject({ id: 123 });
      await expect(client.getRun(123)).resolves.toMatchObject({ id: 123 });
      expect(fake.server.requestCount(runPath)).toBe(3);
    });
  });
});
