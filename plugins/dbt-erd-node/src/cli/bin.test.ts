import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_ARTIFACTS_DIR } from './__testUtils__/cliHarness';

const BIN = resolve(__dirname, '../../bin/dbt-erd');

describe('bin/dbt-erd', () => {
  let output: string;
  beforeEach(() => {
    output = mkdtempSync(join(tmpdir(), 'dbt-erd-bin-'));
  });
  afterEach(() => rmSync(output, { recursive: true, force: true }));

  // One real process: it compiles the sources on the fly, so it is slow.
  it('runs as a child process and writes output.dbml', async () => {
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [BIN, 'run', '-ad', DEMO_ARTIFACTS_DIR, '-o', output],
      // Absolute paths above; INIT_CWD from the test runner's yarn must not matter.
      { env: { ...process.env, INIT_CWD: '' }, timeout: 60_000 },
    );

    expect(existsSync(join(output, 'output.dbml'))).toBe(true);
    expect(stderr).toContain('Collected 13 table(s) and 9 relationship(s)');
  }, 90_000);
});
