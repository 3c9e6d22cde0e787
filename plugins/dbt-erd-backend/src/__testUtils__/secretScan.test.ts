import { mockServices } from '@backstage/backend-test-utils';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { CapturedLogs } from './capturingLogger';
import { scanAuditEvents, scanForSecrets, takeLeaks } from './secretScan';

const TOKEN = 'dbtc_SCAN-self-test-token-1618';

/** The scan that setupTests.ts installs finds the secret wherever it goes. */
describe('the token scan of the backend suites', () => {
  beforeAll(() => {
    // Configuring a backend is how a test tells the scan its secrets.
    mockServices.rootConfig.factory({
      data: { dbtErd: { cloud: { accounts: [{ token: TOKEN }] } } },
    });
  });

  async function answer(
    handler: Parameters<typeof createServer>[1],
    path = '/api/dbt-erd/x',
  ) {
    const server = createServer(handler).listen(0, '127.0.0.1');
    await new Promise(r => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}${path}`)).arrayBuffer();
    await new Promise(r => server.close(r));
  }

  it('finds it in a response header, a plain body and a gzipped body', async () => {
    await answer((_req, res) => {
      res.setHeader('x-debug', `Token ${TOKEN}`);
      res.end('ok');
    });
    await answer((_req, res) => res.end(`{"error":"${TOKEN}"}`));
    await answer((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(`hidden ${TOKEN} inside`));
    });
    expect(takeLeaks()).toEqual([
      'the response to GET /api/dbt-erd/x (headers) contains the secret dbtc_***',
      'the response to GET /api/dbt-erd/x (body) contains the secret dbtc_***',
      'the response to GET /api/dbt-erd/x (body) contains the secret dbtc_***',
    ]);
  });

  it("leaves the fake dbt Cloud's own answers alone", async () => {
    await answer(
      (_req, res) => res.end(`user_message: bad header Token ${TOKEN}`),
      '/api/v2/accounts/1/runs/2/',
    );
    expect(takeLeaks()).toEqual([]);
  });

  it('finds it in log lines, audit events and what a suite adds', async () => {
    mockServices.rootLogger().child({ plugin: 'dbt-erd' }).warn('oops', {
      token: TOKEN,
    });
    new CapturedLogs().logger().info(`calling with ${TOKEN}`);
    const auditor = mockServices.auditor.mock();
    const event = await auditor.createEvent({
      eventId: 'erd-refresh',
      meta: { header: TOKEN },
    });
    await event.fail({ error: new Error(`denied ${TOKEN}`) });
    scanForSecrets('a Redis value', `{"v":"${TOKEN}"}`);
    await scanAuditEvents();
    expect(takeLeaks()).toEqual([
      'a warn log line contains the secret dbtc_***',
      'a log line contains the secret dbtc_***',
      'a Redis value contains the secret dbtc_***',
      'an audit event contains the secret dbtc_***',
    ]);
    // Seen: forget the event, or the check after this test reports it again.
    auditor.createEvent.mockClear();
  });
});
