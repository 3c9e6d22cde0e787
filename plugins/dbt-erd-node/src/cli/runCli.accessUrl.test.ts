import { FakeDbtCloudServer } from '../testing';
import { createTempDirs, runCliCapturing } from './__testUtils__/cliHarness';
import {
  ACCOUNT_ID,
  run7OfJob45,
  startFakeDbtCloud,
} from './__testUtils__/fakeDbtCloud';

const TOKEN = 'dbtc_CLI-hygiene-S3CRET-0123456789';

/** Access URL and token hygiene of `dbt-erd run --dbt-cloud` (issues 17.7 and 18.1). */
describe('dbt-erd run --dbt-cloud: access URL and token', () => {
  const temp = createTempDirs();
  let server: FakeDbtCloudServer;
  beforeAll(async () => {
    server = await startFakeDbtCloud({
      token: TOKEN,
      runs: [
        run7OfJob45({
          'manifest.json': {
            metadata: {
              dbt_schema_version:
                'https://schemas.getdbt.com/dbt/manifest/v12.json',
            },
            nodes: {},
            sources: {},
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await server.stop();
    temp.cleanup();
  });

  const env = {
    DBTERD_DBT_CLOUD_ACCOUNT_ID: String(ACCOUNT_ID),
    DBTERD_DBT_CLOUD_SERVICE_TOKEN: TOKEN,
    DBTERD_DBT_CLOUD_RUN_ID: '7',
  };
  const errorOf = (stderrLines: string[]) =>
    stderrLines.find(l => l.startsWith('dbt-erd: error: '));

  it('explains, without calling anything, when no host is given', async () => {
    const before = server.requestCount();
    const run = await runCliCapturing(
      ['run', '--dbt-cloud', '-o', temp.make()],
      { env },
    );
    expect(run.exitCode).toBe(2);
    expect(errorOf(run.stderrLines)).toBe(
      "dbt-erd: error: dbt Cloud host is missing; pass --dbt-cloud-host-url (or set DBTERD_DBT_CLOUD_HOST_URL) with your account's access URL: the account's own access URL from dbt Cloud's Account settings → Access URLs (e.g. https://ab123.us1.dbt.com). The old default cloud.getdbt.com is deprecated for API integrations",
    );
    expect(server.requestCount()).toBe(before);
  });

  it('says where to find the access URL in --help', async () => {
    const run = await runCliCapturing(['run', '--help']);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      "your account's access URL, e.g. ab123.us1.dbt.com, from dbt Cloud's Account settings → Access URLs; required, no default",
    );
    expect(run.stdout).not.toContain('default: cloud.getdbt.com');
  });

  it.each(['http://ab123.us1.dbt.com', 'http://192.168.1.10:8080'])(
    'refuses the http host %s before the token is sent',
    async host => {
      const run = await runCliCapturing(
        ['run', '--dbt-cloud', '--dbt-cloud-host-url', host, '-o', temp.make()],
        { env },
      );
      expect(run.exitCode).toBe(2);
      expect(errorOf(run.stderrLines)).toMatch(
        /uses http: the service token would travel in clear text; use https/,
      );
      expect(run.stderr).not.toContain(TOKEN);
    },
  );

  it('accepts http on loopback and warns about nothing when the token is in the environment', async () => {
    const run = await runCliCapturing(
      [
        'run',
        '--dbt-cloud',
        '--dbt-cloud-host-url',
        server.url,
        '-o',
        temp.make(),
      ],
      { env },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stderr).not.toContain('warning: --dbt-cloud-service-token');
  });

  it('warns when the token is passed on the command line, and never prints it', async () => {
    const run = await runCliCapturing(
      [
        'run',
        '--dbt-cloud',
        '--dbt-cloud-host-url',
        server.url,
        '--dbt-cloud-service-token',
        TOKEN,
        '-o',
        temp.make(),
      ],
      { env: { ...env, DBTERD_DBT_CLOUD_SERVICE_TOKEN: '' } },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stderrLines).toContain(
      'dbt-erd: warning: --dbt-cloud-service-token puts the token in the process list (ps) and your shell history; set DBTERD_DBT_CLOUD_SERVICE_TOKEN instead',
    );
    expect(run.stderr).not.toContain(TOKEN);
  });

  it('warns on a deprecated region host, naming where the access URL is', async () => {
    const run = await runCliCapturing(
      [
        'run',
        '--dbt-cloud',
        '--dbt-cloud-host-url',
        'cloud.getdbt.com',
        '--dbt-cloud-account-id',
        'not-a-number',
        '-o',
        temp.make(),
      ],
      { env },
    );
    // The bad account id stops it before any request; the host is checked last.
    expect(run.exitCode).toBe(2);
    expect(errorOf(run.stderrLines)).toMatch(/account id "not-a-number"/);
  });
});
