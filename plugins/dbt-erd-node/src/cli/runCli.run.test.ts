import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTempDirs,
  DEMO_ARTIFACTS_DIR,
  runCliCapturing,
} from './__testUtils__/cliHarness';

/** A dbt project folder whose target/ holds the demo artifacts. */
function demoProject(dir: string): string {
  const target = join(dir, 'target');
  mkdirSync(target);
  for (const file of ['manifest.json', 'catalog.json']) {
    copyFileSync(join(DEMO_ARTIFACTS_DIR, file), join(target, file));
  }
  return dir;
}

function tableNames(dbml: string): string[] {
  return [...dbml.matchAll(/^Table (\S+) \{$/gm)].map(m => m[1]);
}

describe('dbt-erd run', () => {
  const temp = createTempDirs();
  afterAll(() => temp.cleanup());

  it('reads ./target and writes ./target/output.dbml by default, like dbterd', async () => {
    const project = demoProject(temp.make());
    const run = await runCliCapturing(['run'], { cwd: project });

    expect(run.exitCode).toBe(0);
    expect(run.stderrLines).toEqual([
      `Using dbt artifact dir at: ${join(project, 'target')}`,
      'Collected 13 table(s) and 9 relationship(s)',
      `Output saved to ${join(project, 'target', 'output.dbml')}`,
    ]);
    expect(existsSync(join(project, 'target', 'output.dbml'))).toBe(true);
  });

  it('resolves relative folders against the given cwd, and accepts -ad=dir', async () => {
    const project = demoProject(temp.make());
    const run = await runCliCapturing(['run', '-ad=target', '-o', 'erd/out'], {
      cwd: project,
    });

    expect(run.exitCode).toBe(0);
    expect(existsSync(join(project, 'erd', 'out', 'output.dbml'))).toBe(true);
  });

  it('takes a dbt project folder for -ad and reads its target/', async () => {
    const project = demoProject(temp.make());
    const output = temp.make();
    const run = await runCliCapturing([
      'run',
      '--artifacts-dir',
      project,
      '-o',
      output,
    ]);

    expect(run.exitCode).toBe(0);
    expect(run.stderrLines[0]).toBe(
      `Using dbt artifact dir at: ${join(project, 'target')}`,
    );
  });

  it('names each output file as dbterd does, unless -ofn says otherwise', async () => {
    const output = temp.make();
    const targets: Record<string, string> = {
      dbml: 'output.dbml',
      mermaid: 'output.md',
      plantuml: 'output.plantuml',
      d2: 'output.d2',
      graphviz: 'output.graphviz',
      drawdb: 'output.ddb',
      json: 'output.json',
    };
    for (const [target, file] of Object.entries(targets)) {
      const run = await runCliCapturing([
        'run',
        '-ad',
        DEMO_ARTIFACTS_DIR,
        '-t',
        target,
        '-o',
        output,
      ]);
      expect(run.exitCode).toBe(0);
      expect(existsSync(join(output, file))).toBe(true);
    }

    const named = await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-t',
      'drawdb',
      '-ofn',
      'acme.ddb',
      '-o',
      output,
    ]);
    expect(named.exitCode).toBe(0);
    // dbterd's drawdb target titles the diagram with the file name.
    expect(
      JSON.parse(readFileSync(join(output, 'acme.ddb'), 'utf8')).title,
    ).toBe('acme.ddb');
  });

  it('ORs repeated -s rules, applies -ns, and replaces the resource type default with -rt', async () => {
    const output = temp.make();
    const read = () =>
      tableNames(readFileSync(join(output, 'output.dbml'), 'utf8'));

    await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-s',
      'schema:finance',
      '-s',
      'model.acme_analytics.dim_',
      '-o',
      output,
    ]);
    const selected = read();
    expect(selected).toContain('"model.acme_analytics.dim_customers"');
    expect(selected).toContain(
      '"model.acme_analytics.customer_lifetime_value"',
    );
    expect(selected).not.toContain('"model.acme_analytics.fct_orders"');

    await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-ns',
      'model.acme_analytics.stg_',
      '-o',
      output,
    ]);
    expect(read().some(name => name.includes('.stg_'))).toBe(false);

    await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-rt',
      'source',
      '-o',
      output,
    ]);
    expect(read().length).toBeGreaterThan(0);
    expect(read().every(name => name.startsWith('"source.'))).toBe(true);
  });

  it('passes the render flags to the target', async () => {
    const output = temp.make();
    await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '--omit-entity-name-quotes',
      '-o',
      output,
    ]);
    expect(readFileSync(join(output, 'output.dbml'), 'utf8')).toMatch(
      /^Table model\.\S+ \{$/m,
    );

    await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-t',
      'mermaid',
      '--omit-columns',
      '-o',
      output,
    ]);
    expect(readFileSync(join(output, 'output.md'), 'utf8')).not.toMatch(
      /^\s+integer /m,
    );
  });

  it('warns, and still draws, when catalog.json is missing', async () => {
    const dir = temp.make();
    copyFileSync(
      join(DEMO_ARTIFACTS_DIR, 'manifest.json'),
      join(dir, 'manifest.json'),
    );
    const run = await runCliCapturing(['run', '-ad', dir, '-o', dir]);

    expect(run.exitCode).toBe(0);
    expect(
      run.stderrLines.filter(l =>
        l.startsWith('dbt-erd: warning: catalog.json missing'),
      ),
    ).toHaveLength(1);
  });

  it('prints help on stdout and exits 0 for --help', async () => {
    const run = await runCliCapturing(['run', '--help']);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: dbt-erd run [options]');
    expect(run.stdout).toContain('-ad, --artifacts-dir <dir>');
    expect(run.stderr).toBe('');
  });

  it('prints help on stderr and exits 2 when given nothing', async () => {
    const run = await runCliCapturing([]);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Usage: dbt-erd');
  });
});
