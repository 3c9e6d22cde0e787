import { FakeDbtCloudServer } from './FakeDbtCloudServer';

describe('FakeDbtCloudServer', () => {
  const server = new FakeDbtCloudServer({
    accounts: [
      {
        id: 1,
        token: 'one',
        runs: [
          {
            id: 10,
            job_definition_id: 2,
            artifacts: { 'manifest.json': { nodes: {} } },
          },
        ],
      },
      { id: 3, token: 'three' },
    ],
  });
  const get = (path: string, token?: string) =>
    fetch(`${server.url}${path}`, {
      headers: token ? { authorization: `Token ${token}` } : {},
    });

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.clearFaults();
  });

  it('listens on an ephemeral port of 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 401 without a valid token and 403 for another account', async () => {
    expect((await get(FakeDbtCloudServer.paths.run(1, 10))).status).toBe(401);
    expect(
      (await get(FakeDbtCloudServer.paths.run(1, 10), 'nope')).status,
    ).toBe(401);
    expect(
      (await get(FakeDbtCloudServer.paths.run(1, 10), 'three')).status,
    ).toBe(403);
    expect((await get(FakeDbtCloudServer.paths.run(1, 10), 'one')).status).toBe(
      200,
    );
  });

  it('serves artifacts and counts requests per path', async () => {
    const path = FakeDbtCloudServer.paths.runArtifact(1, 10, 'manifest.json');
    await (await get(path, 'one')).json();
    await (await get(path, 'one')).json();
    expect(server.requestCount(path)).toBe(2);
    expect(server.requestCount(/catalog/)).toBe(0);
    expect(
      (
        await get(
          FakeDbtCloudServer.paths.runArtifact(1, 10, 'catalog.json'),
          'one',
        )
      ).status,
    ).toBe(404);
  });

  it('applies an injected fault to the next N matching requests only', async () => {
    const path = FakeDbtCloudServer.paths.run(1, 10);
    server.inject(path, { kind: 'status', status: 429, retryAfter: '7' }, 2);
    const first = await get(path, 'one');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await get(path, 'one')).status).toBe(429);
    expect((await get(path, 'one')).status).toBe(200);
  });

  it('stops even with a request left hanging', async () => {
    const hanging = new FakeDbtCloudServer({
      accounts: [{ id: 1, token: 'one' }],
    });
    await hanging.start();
    hanging.inject(/./, { kind: 'hang' });
    const request = fetch(`${hanging.url}/anything`).catch(error => error);
    while (hanging.requestCount() === 0)
      await new Promise(r => setTimeout(r, 5));
    await hanging.stop();
    expect(String(await request)).toMatch(/fetch failed/);
  });
});
