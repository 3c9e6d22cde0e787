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

type Temp = ReturnType<typeof createTempDirs>;

/**
 * Runs `dbt-erd run` on the demo artifacts into a fresh output folder (so no
 * file of an earlier run can pass for this one's), checks that it succeeded,
 * and returns the text of the file it wrote.
 */
async function runDemo(temp: Temp, args: string[], file = 'output.dbml') {
  const output = temp.make();
  const run = await runCliCapturing([
    'run',
    '-ad',
    DEMO_ARTIFACTS_DIR,
    ...args,
    '-o',
    output,
  ]);
  expect(run.stderr).not.toContain('error');
  expect(run.exitCode).toBe(0);
  return readFileSync(join(output, file), 'utf8');
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

  it("writes the json target with each model's compiled SQL, as the backend's json export does", async () => {
    const erd = JSON.parse(await runDemo(temp, ['-t', 'json'], 'output.json'));
    const manifest = JSON.parse(
      readFileSync(join(DEMO_ARTIFACTS_DIR, 'manifest.json'), 'utf8'),
    );
    const withSql = erd.nodes.filter(
      (node: { compiled_sql?: string | null }) => node.compiled_sql,
    );

    expect(withSql.length).toBeGreaterThan(0);
    for (const node of withSql) {
      expect(node.compiled_sql).toBe(
        manifest.nodes[node.id]?.compiled_code ??
          manifest.nodes[node.id]?.compiled_sql,
      );
    }
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
      const text = await runDemo(temp, ['-t', target], file);
      expect(text.length).toBeGreaterThan(0);
    }

    const named = await runDemo(
      temp,
      ['-t', 'drawdb', '-ofn', 'acme.ddb'],
      'acme.ddb',
    );
    // dbterd's drawdb target titles the diagram with the file name.
    expect(JSON.parse(named).title).toBe('acme.ddb');
  });

  it('ORs repeated -s rules, applies -ns, and replaces the resource type default with -rt', async () => {
    const selected = tableNames(
      await runDemo(temp, [
        '-s',
        'schema:finance',
        '-s',
        'model.acme_analytics.dim_',
      ]),
    );
    expect(selected).toContain('"model.acme_analytics.dim_customers"');
    expect(selected).toContain(
      '"model.acme_analytics.customer_lifetime_value"',
    );
    expect(selected).not.toContain('"model.acme_analytics.fct_orders"');

    const all = tableNames(await runDemo(temp, []));
    const withoutStaging = tableNames(
      await runDemo(temp, ['-ns', 'model.acme_analytics.stg_']),
    );
    expect(all.some(name => name.includes('.stg_'))).toBe(true);
    expect(withoutStaging.some(name => name.includes('.stg_'))).toBe(false);
    expect(withoutStaging).toEqual(all.filter(name => !name.includes('.stg_')));

    const sources = tableNames(await runDemo(temp, ['-rt', 'source']));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every(name => name.startsWith('"source.'))).toBe(true);
  });

  it('passes the render flags to the target', async () => {
    const quoted = await runDemo(temp, []);
    const unquoted = await runDemo(temp, ['--omit-entity-name-quotes']);
    expect(quoted).toMatch(/^Table "model\.\S+" \{$/m);
    expect(unquoted).toMatch(/^Table model\.\S+ \{$/m);
    expect(unquoted).not.toMatch(/^Table "/m);

    const withColumns = await runDemo(temp, ['-t', 'mermaid'], 'output.md');
    const withoutColumns = await runDemo(
      temp,
      ['-t', 'mermaid', '--omit-columns'],
      'output.md',
    );
    expect(withColumns).toMatch(/^\s+integer /m);
    expect(withoutColumns).not.toMatch(/^\s+integer /m);
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
