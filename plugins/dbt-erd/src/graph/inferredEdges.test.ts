import { Erd, ErdEdge } from 'backstage-plugin-dbt-erd-common';
import {
  describeCounts,
  relationshipCounts,
  relationshipTestYaml,
  showInferredByDefault,
  tableInferredYaml,
  withInferred,
} from './inferredEdges';

const edge = (
  from: string,
  column: string,
  to: string,
  field: string,
  inferred = true,
): ErdEdge => ({
  id: `${from}.${column}`,
  from_id: from,
  to_id: to,
  from_columns: [column],
  to_columns: [field],
  relationship_type: 'fk',
  name: `${from}.${column}`,
  label: null,
  cardinality: 'n1',
  ...(inferred
    ? {
        provenance: 'inferred',
        confidence: 'high',
        evidence: ['join in model.shop.x: a.b = c.d'],
      }
    : { provenance: 'test' }),
});

const erd = (edges: ErdEdge[], tables = 3): Erd => ({
  nodes: Array.from({ length: tables }, (_, i) => ({
    id: `model.shop.t${i}`,
    name: `t${i}`,
    label: null,
    description: null,
    resource_type: 'model',
    schema_name: 'main',
    database: 'db',
    columns: [],
    compiled_sql: null,
  })),
  edges,
  metadata: {
    generated_at: '',
    dbt_project_name: 'shop',
    dbterd_version: 'latest',
  },
});

const ORDERS = 'model.shop.orders';

describe('inferred edges in the tab', () => {
  it('counts declared and inferred relationships for the header', () => {
    const counts = relationshipCounts(
      erd([edge(ORDERS, 'a', 'x', 'id'), edge(ORDERS, 'b', 'y', 'id', false)]),
    );
    expect(counts).toEqual({ declared: 1, inferred: 1 });
    expect(describeCounts({ declared: 12, inferred: 85 })).toBe(
      '12 declared, 85 inferred from SQL',
    );
  });

  it('shows inferred edges by default when fewer relationships are declared than there are tables', () => {
    expect(
      showInferredByDefault(erd([edge(ORDERS, 'b', 'y', 'id', false)], 3)),
    ).toBe(true);
    const declared = [1, 2, 3].map(i =>
      edge(ORDERS, `c${i}`, 'y', 'id', false),
    );
    expect(showInferredByDefault(erd(declared, 3))).toBe(false);
  });

  it('hides inferred edges when toggled off, keeping the declared ones', () => {
    const both = erd([
      edge(ORDERS, 'a', 'x', 'id'),
      edge(ORDERS, 'b', 'y', 'id', false),
    ]);
    expect(withInferred(both, false).edges.map(e => e.provenance)).toEqual([
      'test',
    ]);
    expect(withInferred(both, true)).toBe(both);
  });

  it('writes the relationships test YAML for a model and for a source', () => {
    expect(
      relationshipTestYaml(
        edge(ORDERS, 'customer_id', 'model.shop.customers', 'id'),
      ),
    ).toBe(
      [
        'models:',
        '  - name: orders',
        '    columns:',
        '      - name: customer_id',
        '        data_tests:',
        '          - relationships:',
        `              to: "ref('customers')"`,
        '              field: id',
        '',
      ].join('\n'),
    );
    expect(
      relationshipTestYaml(
        edge('source.shop.raw.payments', 'order id', 'model.shop.orders', 'id'),
      ),
    ).toContain(
      `sources:\n  - name: raw\n    tables:\n      - name: payments\n        columns:\n          - name: "order id"\n`,
    );
  });

  it('writes every inferred relationship of one table as one block', () => {
    const yaml = tableInferredYaml(
      ORDERS,
      erd([
        edge(ORDERS, 'a', 'model.shop.x', 'id'),
        edge(ORDERS, 'b', 'model.shop.y', 'id'),
        edge(ORDERS, 'c', 'model.shop.z', 'id', false),
      ]),
    );
    expect(yaml?.match(/- relationships:/g)).toHaveLength(2);
    expect(yaml?.match(/^models:/gm)).toHaveLength(1);
    expect(tableInferredYaml('model.shop.none', erd([]))).toBeNull();
  });
});
