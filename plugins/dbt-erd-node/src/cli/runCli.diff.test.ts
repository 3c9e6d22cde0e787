import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDirs, runCliCapturing } from './__testUtils__/cliHarness';
import {
  artifactsDir,
  deletePaymentsTest,
  PAYMENTS_TEST,
  STG_ORDERS,
} from './__testUtils__/diffArtifacts';

/** `dbt-erd diff -bad base -ad head ...rest`. */
function runDiff(base: string, head: string, ...rest: string[]) {
  return runCliCapturing(['diff', '-bad', base, '-ad', head, ...rest]);
}

const ALL_KINDS =
  'relationship-removed,table-removed,column-removed,key-changed';

describe('dbt-erd diff', () => {
  const temp = createTempDirs();
  afterAll(() => temp.cleanup());

  it('writes empty lists and exits 0 for identical inputs, even with every --fail-on kind', async () => {
    const project = temp.make();
    artifactsDir(join(project, 'base'));
    artifactsDir(join(project, 'target'));

    const run = await runCliCapturing(
      ['diff', '-bad', 'base', '-o', 'out', '--fail-on', ALL_KINDS],
      { cwd: project },
    );

    expect(run.exitCode).toBe(0);
    expect(run.stderrLines).toEqual([
      `Using base dbt artifact dir at: ${join(project, 'base')}`,
      `Using head dbt artifact dir at: ${join(project, 'target')}`,
      'Tables: 0 added, 0 removed, 0 changed; relationships: 0 added, 0 removed, 0 changed',
      `Diff saved to ${join(project, 'out', 'erd-diff.json')}`,
    ]);
    const diff = JSON.parse(
      readFileSync(join(project, 'out', 'erd-diff.json'), 'utf8'),
    );
    expect(diff.base.source).toBe('base');
    expect(diff.head.source).toBe('target');
    expect(diff.tables).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.relationships).toEqual({ added: [], removed: [], changed: [] });
  });

  it('explains a deleted relationships test in erd-diff.json', async () => {
    const base = artifactsDir(temp.make());
    const head = artifactsDir(temp.make(), deletePaymentsTest);
    const output = temp.make();

    const run = await runDiff(base, head, '-t', 'json', '-o', output);

    expect(run.exitCode).toBe(0);
    const diff = JSON.parse(
      readFileSync(join(output, 'erd-diff.json'), 'utf8'),
    );
    expect(diff.summary.relationships).toEqual({
      added: 0,
      removed: 1,
      changed: 0,
    });
    expect(diff.relationships.removed).toEqual([
      expect.objectContaining({
        key: 'model.acme_analytics.stg_payments(order_id) -> model.acme_analytics.stg_orders(order_id)',
        id: PAYMENTS_TEST,
        from_id: 'model.acme_analytics.stg_payments',
        to_id: STG_ORDERS,
        from_columns: ['order_id'],
        to_columns: ['order_id'],
        cardinality: 'n1',
        why: { reason: 'test_removed', text: 'test deleted' },
      }),
    ]);
    // The foreign-key flag went with the test.
    expect(diff.tables.changed).toEqual([
      expect.objectContaining({ id: 'model.acme_analytics.stg_payments' }),
    ]);
  });

  it('writes a pull-request ready erd-diff.md', async () => {
    const base = artifactsDir(temp.make());
    const head = artifactsDir(temp.make(), deletePaymentsTest);
    const output = temp.make();

    const run = await runDiff(base, head, '-t', 'markdown', '-o', output);

    expect(run.exitCode).toBe(0);
    const markdown = readFileSync(join(output, 'erd-diff.md'), 'utf8');
    expect(markdown).toContain(
      '- stg_payments.order_id → stg_orders.order_id (removed: test deleted)',
    );
    expect(markdown).toContain('```mermaid\nerDiagram\n');
  });

  it('exits 1 with --fail-on, naming each refused change, after writing the diff', async () => {
    const base = artifactsDir(temp.make());
    const head = artifactsDir(temp.make(), files => {
      deletePaymentsTest(files);
      const columns = files.catalog.nodes[STG_ORDERS].columns;
      delete columns.shipping_amount;
      delete files.manifest.nodes[STG_ORDERS].columns.shipping_amount;
      columns.order_id.type = 'bigint';
    });
    const output = temp.make();

    const run = await runDiff(base, head, '-o', output, '--fail-on', ALL_KINDS);

    expect(run.exitCode).toBe(1);
    expect(run.stderrLines.slice(-5)).toEqual([
      'refused change: column removed: model.acme_analytics.stg_orders.shipping_amount',
      'refused change: key changed: model.acme_analytics.stg_orders.order_id',
      'refused change: key changed: model.acme_analytics.stg_payments.order_id',
      'refused change: relationship removed: model.acme_analytics.stg_payments(order_id) -> model.acme_analytics.stg_orders(order_id) (test deleted)',
      `dbt-erd: error: --fail-on ${ALL_KINDS}: 4 refused change(s) found (listed above)`,
    ]);
    expect(
      JSON.parse(readFileSync(join(output, 'erd-diff.json'), 'utf8')).summary
        .columns,
    ).toEqual({ added: 0, removed: 1, changed: 2 });
  });

  it('passes --fail-on when only other kinds of change are found', async () => {
    const base = artifactsDir(temp.make());
    const head = artifactsDir(temp.make(), ({ catalog }) => {
      catalog.nodes[STG_ORDERS].columns.status.type = 'varchar';
    });

    const run = await runDiff(
      base,
      head,
      '-o',
      temp.make(),
      '--fail-on',
      'table-removed,relationship-removed',
    );

    expect(run.exitCode).toBe(0);
  });

  it('builds both sides with the narrowing options of run', async () => {
    const base = artifactsDir(temp.make());
    const head = artifactsDir(temp.make(), deletePaymentsTest);
    const output = temp.make();

    const run = await runDiff(
      base,
      head,
      '-o',
      output,
      '-s',
      'model.acme_analytics.dim_',
      '-rt',
      'model',
      '--fail-on',
      'relationship-removed',
    );

    expect(run.exitCode).toBe(0);
    const diff = JSON.parse(
      readFileSync(join(output, 'erd-diff.json'), 'utf8'),
    );
    expect(diff.summary.relationships.removed).toBe(0);
  });

  it('refuses bad flags with exit 2 before reading anything, and a missing folder with exit 1', async () => {
    const head = artifactsDir(temp.make());
    const cases: Array<[string[], number, string]> = [
      [
        ['diff', '-ad', head],
        2,
        'dbt-erd: error: the base side is missing; pass -bad/--base-artifacts-dir with the folder holding the base manifest.json (e.g. production artifacts), or --base-dbt-cloud-run-id / --base-dbt-cloud-job-id',
      ],
      [
        ['diff', '-bad', '/nonexistent', '-ad', head, '--fail-on', 'tables'],
        2,
        'dbt-erd: error: unknown change kind "tables"; use a comma-separated list of relationship-removed, table-removed, column-removed, key-changed',
      ],
      [
        ['diff', '-bad', '/nonexistent', '-ad', head, '-t', 'dbml'],
        2,
        'dbt-erd: error: diff target "dbml" is not supported; use one of json, markdown',
      ],
      [
        ['diff', '-bad', join(head, 'missing'), '-ad', head],
        1,
        `dbt-erd: error: artifacts folder ${join(
          head,
          'missing',
        )} does not exist; pass -bad/--base-artifacts-dir with the folder holding manifest.json (usually your dbt project's target/)`,
      ],
    ];
    for (const [argv, exitCode, line] of cases) {
      const run = await runCliCapturing(argv, { cwd: temp.make() });
      expect({ argv, exitCode: run.exitCode, stderr: run.stderrLines }).toEqual(
        { argv, exitCode, stderr: [line] },
      );
    }
  });
});
