import fc from 'fast-check';
import { buildManifest, modelNode } from '../__testUtils__/artifacts';
import { indexArtifacts } from '../artifacts/indexArtifacts';
import { ModelJoinReader } from '../algorithms/inferred/extractJoins';
import {
  RelationResolver,
  renderRawSql,
} from '../algorithms/inferred/relationResolver';
import { tokenJoins } from '../algorithms/inferred/tokenJoins';
import { buildErd } from '../buildErd';

/**
 * The `inferred` algorithm reads whatever SQL a project holds: dialects no
 * grammar covers, Jinja left in raw code, half-written statements. It must
 * never throw and never blow up. The bound is a guard against quadratic
 * work (minutes on a megabyte), not a speed test: `yarn bench` measures speed.
 */
const BOUND_MS = 15000;
const MB = 1024 * 1024;

const index = indexArtifacts({
  manifest: buildManifest({
    nodes: [modelNode('orders'), modelNode('customers')],
  }),
  catalog: {},
});

const FRAGMENTS = [
  'select',
  ' * ',
  'from',
  ' db.main.orders ',
  ' o ',
  'join',
  ' db.main.customers ',
  ' c ',
  ' on ',
  'o.customer_id',
  ' = ',
  'c.customer_id',
  ' using ',
  '(',
  ')',
  ',',
  "'",
  '"',
  '`',
  '[',
  ']',
  '--',
  '/*',
  '*/',
  '{{',
  '}}',
  '{%',
  '%}',
  '{#',
  '#}',
  "ref('orders')",
  "source('raw','x')",
  ' with ',
  ' as ',
  '.',
  '\\',
  '\n',
  ' and ',
  ' where ',
  '==',
  '<=',
  'left',
  'lateral',
  ' qualify ',
];

const hostileSql = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), {
    maxLength: 60,
  })
  .map(parts => parts.join(''));

function readModel(sql: string, compiled: boolean) {
  const resolver = new RelationResolver(index.nodes);
  const reader = new ModelJoinReader(resolver, 'snowflake', true);
  const node = { ...index.nodes[0], modelSql: { code: sql, compiled } };
  return reader.read(node);
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = Date.now();
  const value = run();
  return { value, ms: Date.now() - started };
}

describe('inferred on hostile SQL', () => {
  it('never throws on fragments of SQL, quotes and Jinja in any order, compiled or raw', () => {
    fc.assert(
      fc.property(hostileSql, fc.boolean(), (sql, compiled) => {
        expect(Array.isArray(readModel(sql, compiled))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    [
      'an unbalanced quote before a megabyte of joins',
      `select 'oops ${'from db.main.orders o join db.main.customers c on o.customer_id = c.customer_id '.repeat(
        12_000,
      )}`,
    ],
    [
      'a megabyte of joins',
      `select * from db.main.orders o ${'join db.main.customers c on o.customer_id = c.customer_id '.repeat(
        18_000,
      )}`,
    ],
    [
      'a megabyte of one alias redefined',
      `${'select * from db.main.orders a join db.main.customers a on a.x = a.y '.repeat(
        14_000,
      )}`,
    ],
    ['a megabyte of opening parentheses', '('.repeat(MB)],
    ['a megabyte of unclosed Jinja openers', '{{'.repeat(MB / 2)],
    ['a megabyte of nested CTE headers', 'with x as ('.repeat(MB / 11)],
  ])('reads %s within a generous bound', (_, sql) => {
    expect(sql.length).toBeGreaterThan(MB * 0.9);
    const { ms } = timed(() => {
      readModel(sql, true);
      readModel(sql, false);
      tokenJoins(
        renderRawSql(sql, new RelationResolver(index.nodes)),
        new RelationResolver(index.nodes),
      );
    });
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('builds an ERD from a project whose raw code is broken Jinja', () => {
    const manifest = buildManifest({
      nodes: [
        modelNode('orders', {
          columns: { customer_id: {} },
          compiled_code: undefined,
          extra: {
            raw_code:
              "{% if %}select * from {{ ref('customers') }} c join {{ ref('orders' }} o on",
          },
        }),
        modelNode('customers', {
          columns: { customer_id: {} },
          compiled_code: undefined,
          extra: { raw_code: '{{{{{{ \'"`[' },
        }),
      ],
    });
    expect(() =>
      buildErd(
        { manifest, catalog: {} },
        { algo: 'test_relationship,inferred' },
      ),
    ).not.toThrow();
  });
});
