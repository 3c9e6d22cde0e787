import {
  erdColumn,
  erdEdge,
  erdNode,
  erdOf,
  ordersAndCustomers,
} from '../__testUtils__/erd';
import { dbmlTarget } from './dbml';

describe('dbml target', () => {
  it('renders tables, notes, primary key indexes and refs', () => {
    expect(dbmlTarget.render(ordersAndCustomers())).toBe(
      [
        '//Tables (based on the selection criteria)',
        '//--configured at schema: db.main',
        'Table "model.shop.customers" {',
        '  "id" "integer"',
        '  "name" "text"',
        '',
        '  Note: ""',
        '  indexes {',
        '    (id) [pk]',
        '  }',
        '}',
        '//--configured at schema: db.main',
        'Table "model.shop.orders" {',
        '  "id" "integer"',
        '  "customer_id" "integer"',
        '',
        '  Note: "One row per order"',
        '}',
        '//Refs (based on the DBT Relationship Tests)',
        'Ref: "model.shop.orders"."customer_id" > "model.shop.customers"."id"',
        '',
      ].join('\n'),
    );
  });

  it('escapes notes like Python json.dumps and can omit entity quotes', () => {
    const erd = erdOf([
      erdNode('model.shop.a', [
        erdColumn('x', 'text', { description: 'naïve "quote"\n' }),
      ]),
    ]);
    const output = dbmlTarget.render(erd, { omitEntityNameQuotes: true });
    expect(output).toContain(
      '  "x" "text" [note: "na\\u00efve \\"quote\\"\\n"]',
    );
    expect(output).toContain('Table model.shop.a {');
  });

  it('draws composite refs and every cardinality symbol', () => {
    const nodes = [
      erdNode('model.shop.a', [erdColumn('x')]),
      erdNode('model.shop.b', [erdColumn('y')]),
    ];
    const edges = (['n1', '1n', '0n', '11', '01', 'nn'] as const).map(
      cardinality =>
        erdEdge(
          `e_${cardinality}`,
          'model.shop.a',
          ['x', 'z'],
          'model.shop.b',
          ['y', 'w'],
          { cardinality },
        ),
    );
    const refs = dbmlTarget
      .render(erdOf(nodes, edges))
      .split('\n')
      .filter(l => l.startsWith('Ref'));
    expect(refs).toEqual(
      ['>', '<', '<', '-', '-', '<>'].map(
        s => `Ref: "model.shop.a".("x", "z") ${s} "model.shop.b".("y", "w")`,
      ),
    );
  });

  it('prints table groups by entity name', () => {
    const erd = erdOf(
      [erdNode('model.shop.a', [erdColumn('x')], { name: 'a' })],
      [],
      {
        groups: [{ name: 'db.main', node_ids: ['model.shop.a'] }],
        extras: { entityGroup: 'database.schema', nodeDetails: {} },
      },
    );
    expect(
      dbmlTarget
        .render(erd)
        .endsWith(
          '//TableGroups (based on database.schema)\nTableGroup "db.main" {\n  "a"\n}\n',
        ),
    ).toBe(true);
  });
});
