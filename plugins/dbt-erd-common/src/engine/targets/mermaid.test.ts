import {
  erdColumn,
  erdEdge,
  erdNode,
  erdOf,
  ordersAndCustomers,
} from '../__testUtils__/erd';
import { mermaidTarget } from './mermaid';

describe('mermaid target', () => {
  it('renders upper-cased entities, PK markers and relationships', () => {
    expect(mermaidTarget.render(ordersAndCustomers())).toBe(
      [
        'erDiagram',
        '  "MODEL.SHOP.CUSTOMERS" {',
        '    integer id PK',
        '    text name',
        '  }',
        '  "MODEL.SHOP.ORDERS" {',
        '    integer id',
        '    integer customer_id',
        '  }',
        '  "MODEL.SHOP.ORDERS" }|--|| "MODEL.SHOP.CUSTOMERS": id--customer_id',
        '',
      ].join('\n'),
    );
  });

  it('omits columns on request and prints entity labels', () => {
    const erd = erdOf([
      erdNode('model.shop.a', [erdColumn('x')], { label: 'Alpha' }),
    ]);
    expect(mermaidTarget.render(erd, { omitColumns: true })).toBe(
      'erDiagram\n  "MODEL.SHOP.A"["ALPHA"] {\n  }\n',
    );
  });

  it('makes names and types drawable', () => {
    const erd = erdOf([
      erdNode('model.shop.a', [
        erdColumn('first name', 'character varying'),
        erdColumn('a.b', 'struct<x string, y int>'),
      ]),
    ]);
    expect(mermaidTarget.render(erd)).toContain(
      '    character-varying first-name\n    struct[OMITTED] a__b\n',
    );
  });

  it('labels a relationship by meta label, else by its columns', () => {
    const nodes = [
      erdNode('a', [erdColumn('x')]),
      erdNode('b', [erdColumn('y')]),
    ];
    const edges = [
      erdEdge('1', 'a', ['x'], 'b', ['x'], { cardinality: '1n' }),
      erdEdge('2', 'a', ['x', 'z'], 'b', ['y', 'w'], { cardinality: '01' }),
      erdEdge('3', 'a', ['x'], 'b', ['y'], {
        label: 'placed by',
        cardinality: 'nn',
      }),
    ];
    expect(
      mermaidTarget.render(erdOf(nodes, edges)).split('\n').slice(-4),
    ).toEqual([
      '  "A" ||--|{ "B": x',
      '  "A" }o--|| "B": y_and_w--x_and_z',
      '  "A" }|--|{ "B": placed-by',
      '',
    ]);
  });
});
