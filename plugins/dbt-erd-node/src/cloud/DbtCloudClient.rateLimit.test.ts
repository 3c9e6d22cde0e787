import { FakeDbtCloudServer } from '../testing';
import {
  ACCOUNT_ID,
  clientFor,
  failureOf,
  paths,
  startFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudClient } from './DbtCloudClient';
import { DbtCloudRateLimitedError } from './errors';
import { memoryCoolDownStore } from './http/RateLimitCoolDown';

const runPath = paths.run(ACCOUNT_ID, 123);

/** Issue 18.6: a 429 starts a per-account cool-down instead of quick retries. */
describe('DbtCloudClient rate-limit cool-down', () => {
  let server: FakeDbtCloudServer;
  let client: DbtCloudClient;
  const store = memoryCoolDownStore();

  beforeEach(async () => {
    server = await startFakeDbtCloud();
    client = clientFor(server, { coolDownStore: store });
  });
  afterEach(async () => {
    await client.close();
    await server.stop();
  });

  it('does not retry a 429 without Retry-After, and names the five-minute cool-down', async () => {
    server.inject(runPath, { kind: 'status', status: 429 }, 10);
    const { error } = await failureOf(() => client.getRun(123));
    expect(error).toBeInstanceOf(DbtCloudRateLimitedError);
    expect(error.message).toBe(
      'dbt Cloud rate-limited account main (429, 1 attempt); try again in 300 s',
    );
    expect(error.retryAfterMs).toBe(300_000);
    expect(server.requestCount(runPath)).toBe(1);
  });

  it('answers at once during the cool-down, for every path of the account, without calling dbt Cloud', async () => {
    server.inject(runPath, { kind: 'status', status: 429 });
    await failureOf(() => client.getRun(123));
    const before = server.requestCount();
    const { error } = await failureOf(() =>
      client.fetchJobArtifacts(45, { as: 'bytes' }),
    );
    expect(error).toBeInstanceOf(DbtCloudRateLimitedError);
    expect(error.message).toMatch(
      /^dbt Cloud rate-limited account main \(429\) and asked for a cool-down; not calling it for another \d+ s$/,
    );
    expect(error.retryAfterMs).toBeGreaterThan(290_000);
    expect(server.requestCount()).toBe(before);
  });

  it('is shared by every client given the same store (replicas), per account', async () => {
    const replica = clientFor(server, { coolDownStore: store });
    const otherHost = new DbtCloudClient({
      accountName: 'main',
      accountId: ACCOUNT_ID,
      // Same numeric id, another access URL: another account, no cool-down.
      accessUrl: server.url.replace('127.0.0.1', 'localhost'),
      token: 'dbtc_S3CRET-token-0123456789abcdef',
      coolDownStore: store,
      retries: 0,
    });
    try {
      server.inject(runPath, { kind: 'status', status: 429 });
      await failureOf(() => client.getRun(123));
      const before = server.requestCount();
      await expect(replica.getRun(123)).rejects.toBeInstanceOf(
        DbtCloudRateLimitedError,
      );
      expect(server.requestCount()).toBe(before);
      await expect(otherHost.getRun(123)).resolves.toMatchObject({ id: 123 });
    } finally {
      await replica.close();
      await otherHost.close();
    }
  });

  it('cools down for Retry-After when dbt Cloud sends one longer than the longest wait', async () => {
    const fresh = clientFor(server, { coolDownStore: memoryCoolDownStore() });
    try {
      server.inject(runPath, { kind: 'status', status: 429, retryAfter: '60' });
      await failureOf(() => fresh.getRun(123));
      const { error } = await failureOf(() => fresh.getRun(123));
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(error.retryAfterMs).toBeGreaterThan(50_000);
      expect(server.requestCount(runPath)).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('still waits out a short Retry-After and succeeds, with no cool-down left', async () => {
    const fresh = clientFor(server, { coolDownStore: memoryCoolDownStore() });
    try {
      server.inject(runPath, { kind: 'status', status: 429, retryAfter: '0' });
      await expect(fresh.getRun(123)).resolves.toMatchObject({ id: 123 });
      await expect(fresh.getRun(123)).resolves.toMatchObject({ id: 123 });
      expect(server.requestCount(runPath)).toBe(3);
    } finally {
      await fresh.close();
    }
  });
});
