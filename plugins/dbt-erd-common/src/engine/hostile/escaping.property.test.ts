/**
 * @jest-environment @backstage/cli/config/jest-environment-jsdom
 */
// jsdom: Mermaid's parser (see mermaidParser.ts) needs a window to load.
import { Parser } from '@dbml/core';
import fc from 'fast-check';
import { erdColumn, erdEdge, erdNode, erdOf } from '../__testUtils__/erd';
import { renderErd } from '../renderErd';
import { XML_FORBIDDEN } from '../targets/escape/graphviz';
import { Cardinality, Erd } from '../types';
import { runs } from './__testUtils__/engineGuard';
import {
  CheckedDocument,
  checkD2,
  checkGraphviz,
  checkPlantuml,
} from './__testUtils__/formatChecks';
import { loadMermaid } from './__testUtils__/mermaidParser';

/**
 * Names, types, labels and descriptions made of the characters that break
 * diagram formats must come out escaped, so that each export still parses
 * and still says the same names.
 */

const FRAGMENTS = [
  '<script>alert(1)</script>',
  '"',
  "'",
  '`',
  '\\',
  '\\n',
  '\n',
  '\r\n',
  '\t',
  '{',
  '}',
  '[',
  ']',
  '|',
  ':',
  ';',
  '#',
  '%%',
  '%',
  '${x}',
  '%getenv("AWS_SECRET_ACCESS_KEY")',
  '$secret',
  '!include /etc/passwd',
  '//',
  '--',
  '}|--||',
  '<<PK>>',
  '&amp;',
  '@enduml',
  'direction TB',
  'PK',
  'one',
  'to',
  'u-',
  '~',
  '*',
  '-',
  '.',
  ' ',
  'null',
  'shape',
  '😀',
  '\u202Eevil',
  '\u200F',
  'مرحبا',
  'e\u0301',
  '\u0000',
  '\u2028',
  'naïve',
  'plain_name',
];

const hostileArb = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map(parts => parts.join(''));

const CARDINALITIES: Cardinality[] = ['n1', '1n', '11', '01', '0n', 'nn'];

/** Two tables, a relationship and a group, every text field hostile. */
const hostileErdArb: fc.Arbitrary<Erd> = fc
  .record({
    s: fc.array(hostileArb, { minLength: 12, maxLength: 12 }),
    cardinality: fc.constantFrom(...CARDINALITIES),
    labelled: fc.boolean(),
  })
  .map(({ s, cardinality, labelled }) =>
    erdOf(
      [
        erdNode(
          'model.shop.a',
          [
            erdColumn(`x${s[5]}`, s[6], {
              description: s[7],
              is_primary_key: true,
            }),
            erdColumn(`y${s[8]}`, 'int'),
          ],
          {
            name: `a${s[0]}`,
            label: s[1],
            description: s[2],
            database: s[3],
            schema_name: s[4],
          },
        ),
        erdNode(
          'model.shop.b',
          [erdColumn(`z${s[10]}`, s[11], { is_primary_key: true })],
          {
            name: `b${s[9]}`,
          },
        ),
      ],
      [
        erdEdge(
          'e',
          'model.shop.a',
          [`y${s[8]}`],
          'model.shop.b',
          [`z${s[10]}`],
          {
            cardinality,
            label: labelled ? s[1] : null,
          },
        ),
      ],
      {
        groups: [
          { name: `g${s[3]}`, node_ids: ['model.shop.a', 'model.shop.b'] },
        ],
        extras: { entityGroup: 'database.schema', nodeDetails: {} },
      },
    ),
  );

const RUNS = runs(150);

/** @dbml/core throws its diagnostics, not an Error: make them readable. */
function parseDbml(text: string): any {
  try {
    return Parser.parse(text, 'dbmlv2');
  } catch (error: any) {
    const messages = error?.diags?.map((d: any) => d.message) ?? [
      String(error),
    ];
    throw new Error(`DBML refused: ${messages.join('; ')}\n${text}`);
  }
}

/** GraphViz writes every line break as one `\n` / `<br/>`. */
const oneLineBreak = (s: string) => s.replace(/\r\n|[\r\u2028\u2029]/g, '\n');

/** The checker's problems, plus each name the document lost. */
function problemsOf(checked: CheckedDocument, names: string[]): string[] {
  const lost = names.filter(name => !checked.names.includes(name));
  return [
    ...checked.problems,
    ...lost.map(name => `lost ${JSON.stringify(name)}`),
  ];
}

describe('escaping of hostile names in every export', () => {
  it('DBML parses with @dbml/core and keeps names, types and notes', () => {
    fc.assert(
      fc.property(hostileErdArb, erd => {
        const database = parseDbml(renderErd(erd, 'dbml'));
        const tables = database.schemas[0].tables;
        expect(tables.map((t: any) => t.name)).toEqual(
          erd.nodes.map(n => n.name),
        );
        // DBML trims a note's surrounding white space.
        expect(tables.map((t: any) => (t.note ?? '').trim())).toEqual(
          erd.nodes.map(n => (n.description ?? '').trim()),
        );
        const fields = tables.flatMap((t: any) => t.fields);
        const columns = erd.nodes.flatMap(n => n.columns);
        expect(
          fields.map((f: any) => [
            f.name,
            f.type.type_name,
            f.note?.trim() || null,
          ]),
          // dbterd prints no note for an empty description.
        ).toEqual(
          columns.map(c => [
            c.name,
            c.data_type,
            c.description?.trim() || null,
          ]),
        );
        expect(database.schemas[0].refs).toHaveLength(1);
        // Bare entity names (dbterd's --omit-entity-name-quotes) must parse
        // too. Dots stay bare on purpose (dbterd's `schema.table`; with more
        // parts dbterd's own output is not valid DBML), so here names have none.
        const undot = (name: string) => name.replace(/\./g, '_');
        const undotted = {
          ...erd,
          nodes: erd.nodes.map(n => ({ ...n, name: undot(n.name) })),
          groups: erd.groups?.map(g => ({ ...g, name: undot(g.name) })),
        };
        parseDbml(renderErd(undotted, 'dbml', { omitEntityNameQuotes: true }));
      }),
      { numRuns: RUNS },
    );
  });

  it('Mermaid parses with mermaid.parse', async () => {
    const mermaid = loadMermaid();
    await fc.assert(
      fc.asyncProperty(
        hostileErdArb,
        fc.boolean(),
        async (erd, omitColumns) => {
          await expect(
            mermaid.parse(renderErd(erd, 'mermaid', { omitColumns })),
          ).resolves.toBeTruthy();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('PlantUML passes the strict line check and keeps names', () => {
    fc.assert(
      fc.property(hostileErdArb, erd => {
        const [a, b] = erd.nodes;
        expect(
          problemsOf(checkPlantuml(renderErd(erd, 'plantuml')), [
            a.name,
            b.name,
            a.columns[0].name,
            a.columns[0].data_type,
            a.columns[1].name,
          ]),
        ).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('PlantUML leaves no preprocessor syntax live, even at the start of a member', () => {
    // The preprocessor runs over the whole file before anything is drawn:
    // `%builtin(...)` and `$variable` anywhere, `!directive` at a line start.
    const directiveArb = fc
      .tuple(
        fc.constantFrom('!', '%', '$', '!include ', '%getenv(', '!define '),
        hostileArb,
      )
      .map(([start, rest]) => start + rest);
    fc.assert(
      fc.property(
        directiveArb,
        directiveArb,
        directiveArb,
        (name, column, type) => {
          const erd = erdOf([
            erdNode(
              'model.shop.a',
              [
                erdColumn(column, type),
                erdColumn(`k${column}`, type, { is_primary_key: true }),
              ],
              { name },
            ),
          ]);
          const text = renderErd(erd, 'plantuml');
          expect(text).not.toMatch(/[%$]|^\s*!/m);
          expect(
            problemsOf(checkPlantuml(text), [name, column, `k${column}`, type]),
          ).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('D2 passes the strict line check and keeps names', () => {
    fc.assert(
      fc.property(hostileErdArb, erd => {
        const [a, b] = erd.nodes;
        const edge = erd.edges[0];
        expect(
          problemsOf(checkD2(renderErd(erd, 'd2')), [
            a.name,
            b.name,
            a.columns[0].name,
            a.columns[0].data_type,
            `${edge.from_columns[0]} = ${edge.to_columns[0]}`,
          ]),
        ).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('GraphViz passes the strict line check and keeps names', () => {
    fc.assert(
      fc.property(hostileErdArb, erd => {
        const [a, b] = erd.nodes;
        const html = (s: string) =>
          oneLineBreak(s).replace(XML_FORBIDDEN, '\uFFFD');
        expect(
          problemsOf(checkGraphviz(renderErd(erd, 'graphviz')), [
            oneLineBreak(a.name),
            oneLineBreak(b.name),
            html(a.name),
            html(`(${a.columns[1].data_type}) ${a.columns[1].name}`),
            html(`(${a.columns[0].data_type}) ${a.columns[0].name}`),
          ]),
        ).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON and drawDB stay valid JSON with the names intact', () => {
    fc.assert(
      fc.property(hostileErdArb, erd => {
        const json = JSON.parse(renderErd(erd, 'json'));
        expect(json.nodes.map((n: any) => n.name)).toEqual(
          erd.nodes.map(n => n.name),
        );
        const drawdb = JSON.parse(renderErd(erd, 'drawdb'));
        expect(
          drawdb.tables.map((t: any) => t.fields.map((f: any) => f.name)),
        ).toEqual(erd.nodes.map(n => n.columns.map(c => c.name)));
      }),
      { numRuns: RUNS },
    );
  });
});
