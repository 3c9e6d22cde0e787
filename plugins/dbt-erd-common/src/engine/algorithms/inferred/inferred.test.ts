import {
  buildManifest,
  modelId,
  modelNode,
  relationshipsTest,
} from '../../__testUtils__/artifacts';
import { primaryKeyTests } from '../../__testUtils__/keyTests';
import { indexArtifacts } from '../../artifacts/indexArtifacts';
import { buildErd } from '../../buildErd';
import { ErdInputError } from '../../errors';
import { renderErd } from '../../renderErd';
import { toJson } from '../../targets/json';
import { FoundRelationship } from '../types';
import { inferredAlgorithm } from './inferred';

const ORDERS = modelId('orders');
const CUSTOMERS = modelId('customers');

type Nodes = NonNullable<Parameters<typeof buildManifest>[0]>['nodes'];

function infer(nodes: Nodes, algo = 'inferred') {
  const index = indexArtifacts({
    manifest: buildManifest({ nodes }),
    catalog: {},
  });
  return inferredAlgorithm.findRelationships(index, { algo });
}

const ends = (relationships: FoundRelationship[]) =>
  relationships.map(
    r =>
      `${r.fromId.split('.').pop()}.${r.fromColumns} -> ${r.toId
        .split('.')
        .pop()}.${r.toColumns} ${r.cardinality} ${r.confidence}`,
  );

const customers = (extra = {}) =>
  modelNode('customers', { columns: { customer_id: {}, name: {} }, ...extra });
const orders = (sql: string | undefined, extra = {}) =>
  modelNode('orders', {
    columns: { order_id: {}, customer_id: {} },
    compiled_code: sql,
    ...extra,
  });
const JOIN =
  'select o.* from db.main.orders o join db.main.customers c on o.customer_id = c.customer_id';

describe('the inferred algorithm', () => {
  it('reads a join in model SQL with the key side as the one side, high when the key is tested', () => {
    const { relationships } = infer([
      customers(),
      orders(undefined),
      modelNode('order_report', { compiled_code: JOIN }),
      ...primaryKeyTests(CUSTOMERS, 'customer_id'),
    ]);
    expect(ends(relationships)).toEqual([
      'orders.customer_id -> customers.customer_id n1 high',
    ]);
    expect(relationships[0].evidence).toEqual([
      'join in model.shop.order_report: o.customer_id = c.customer_id',
      'key on to side (unique test or constraint)',
    ]);
    expect(relationships[0].provenance).toBe('inferred');
  });

  it('takes the table the column names as the one side when no key is tested (medium)', () => {
    const { relationships } = infer([customers(), orders(JOIN)]);
    expect(ends(relationships)).toEqual([
      'orders.customer_id -> customers.customer_id n1 medium',
    ]);
  });

  it('reads a column tested unique on both sides as one-to-one', () => {
    const { relationships } = infer([
      customers(),
      modelNode('customer_profiles', {
        columns: { customer_id: {} },
        compiled_code:
          'select * from db.main.customer_profiles p join db.main.customers c using (customer_id)',
      }),
      ...primaryKeyTests(CUSTOMERS, 'customer_id'),
      ...primaryKeyTests(modelId('customer_profiles'), 'customer_id'),
    ]);
    expect(ends(relationships)).toEqual([
      'customer_profiles.customer_id -> customers.customer_id 11 high',
    ]);
  });

  it('draws self joins the SQL shows', () => {
    const { relationships } = infer([
      modelNode('employees', {
        columns: { employee_id: {}, manager_id: {} },
        compiled_code:
          'select * from db.main.employees e left join db.main.employees m on e.manager_id = m.employee_id',
      }),
    ]);
    expect(ends(relationships)).toEqual([
      'employees.manager_id -> employees.employee_id n1 medium',
    ]);
  });

  it('matches key-like names to the entity table across prefixes and plurals, lineage breaking ties', () => {
    const dim = modelId('dim_customer');
    const { relationships } = infer([
      modelNode('dim_customer', { columns: { customer_sk: {} } }),
      modelNode('stg_customers', { columns: { customer_sk: {} } }),
      modelNode('fct_sales', {
        columns: { customer_sk: {} },
        compiled_code: 'select 1',
        extra: { depends_on: { nodes: [dim] } },
      }),
      ...primaryKeyTests(dim, 'customer_sk'),
      ...primaryKeyTests(modelId('stg_customers'), 'customer_sk'),
    ]);
    expect(ends(relationships)).toContain(
      'fct_sales.customer_sk -> dim_customer.customer_sk n1 medium',
    );
    const sales = relationships.find(r => r.fromId === modelId('fct_sales'))!;
    expect(sales.evidence).toContain('lineage: fct_sales reads dim_customer');
  });

  it('does not take a table at line grain as the one side by name', () => {
    const { relationships } = infer([
      modelNode('medical_claim', {
        columns: { claim_id: {}, claim_line_number: {} },
      }),
      modelNode('claim_dates', {
        columns: { claim_id: {} },
        compiled_code:
          'select * from db.main.medical_claim m join db.main.claim_dates d on m.claim_id = d.claim_id',
      }),
    ]);
    expect(relationships).toEqual([]);
  });

  it('keeps low-confidence guesses out unless asked for', () => {
    const nodes = [
      modelNode('a', {
        columns: { x: {} },
        compiled_code: 'select * from db.main.a join db.main.b on a.x = b.y',
      }),
      modelNode('b', { columns: { y: {} } }),
    ];
    expect(infer(nodes).relationships).toEqual([]);
    expect(
      ends(infer(nodes, 'inferred:(confidence:low)').relationships),
    ).toEqual(['a.x -> b.y n1 low']);
  });

  it('says how each model was read', () => {
    const { inference } = infer([
      customers(),
      orders(JOIN),
      modelNode('plain', { compiled_code: 'select 1' }),
    ]);
    expect(inference).toEqual({
      parsedModels: 0,
      tokenizedModels: 1,
      skippedModels: 2,
      candidates: 1,
    });
  });

  it('refuses a rule it cannot read, naming what to write', () => {
    expect(() =>
      inferredAlgorithm.validate!({ algo: 'inferred:(confidence:maybe)' }),
    ).toThrow(ErdInputError);
    expect(() =>
      inferredAlgorithm.validate!({ algo: 'inferred:(confidence:maybe)' }),
    ).toThrow(/confidence: high, medium or low/);
  });
});

describe('combined algorithms', () => {
  const nodes: Nodes = [
    customers(),
    modelNode('stores', { columns: { store_id: {} } }),
    orders(`${JOIN} join db.main.stores s on o.store_id = s.store_id`, {
      columns: { order_id: {}, customer_id: {}, store_id: {} },
    }),
    relationshipsTest({
      from: ORDERS,
      to: CUSTOMERS,
      column: 'customer_id',
      field: 'customer_id',
    }),
  ];
  const build = (algo: string) =>
    buildErd({ manifest: buildManifest({ nodes }), catalog: {} }, { algo }).erd;

  it('gives the union, declared winning over inferred for the same columns, each edge with its provenance', () => {
    const erd = build('test_relationship,inferred');
    expect(
      erd.edges.map(e =>
        `${e.from_columns} ${e.provenance} ${e.confidence ?? ''}`.trim(),
      ),
    ).toEqual(['store_id inferred medium', 'customer_id test']);
  });

  it('prints provenance, evidence and confidence in JSON only when edges carry them', () => {
    expect(toJson(build('test_relationship'))).not.toMatch(
      /provenance|evidence|confidence/,
    );
    const json = JSON.parse(toJson(build('test_relationship,inferred')));
    expect(json.edges.map((e: any) => e.provenance)).toEqual([
      'inferred',
      'test',
    ]);
    expect(json.edges[0].evidence[0]).toMatch(/^join in model\.shop\.orders: /);
  });

  it('refuses an algorithm named twice or an empty part', () => {
    expect(() => build('inferred,inferred')).toThrow(/named twice/);
    expect(() => build('test_relationship,,inferred')).toThrow(/empty/);
    expect(() => build('test_relationship,nope')).toThrow(/not supported/);
  });
});

describe('the inferred algorithm on star schemas', () => {
  it('keeps role-playing columns to one key (pickup and dropoff to one zone), not a second column of that table', () => {
    const ZONE = modelId('dim_zone');
    const { relationships } = infer([
      modelNode('dim_zone', { columns: { location_id: {}, zone_id: {} } }),
      modelNode('fct_trip', {
        columns: {
          trip_id: {},
          pickup_location_id: {},
          dropoff_location_id: {},
          zone_id: {},
        },
      }),
      ...primaryKeyTests(ZONE, 'location_id'),
      ...primaryKeyTests(ZONE, 'zone_id'),
    ]);
    expect(ends(relationships)).toEqual([
      'fct_trip.dropoff_location_id -> dim_zone.location_id n1 medium',
      'fct_trip.pickup_location_id -> dim_zone.location_id n1 medium',
    ]);
  });

  it('points a fact at the dimension over a staging copy of the same entity', () => {
    const { relationships } = infer([
      modelNode('stg_customers', { columns: { customer_id: {} } }),
      modelNode('dim_customers', { columns: { customer_id: {} } }),
      modelNode('fct_orders', { columns: { order_id: {}, customer_id: {} } }),
      ...primaryKeyTests(modelId('stg_customers'), 'customer_id'),
      ...primaryKeyTests(modelId('dim_customers'), 'customer_id'),
    ]);
    expect(ends(relationships)).toContain(
      'fct_orders.customer_id -> dim_customers.customer_id n1 medium',
    );
  });

  it("joins a fact's date columns to the one date dimension on its date key", () => {
    const { relationships } = infer([
      modelNode('dim_date', {
        columns: { date_key: { data_type: 'date' }, day_name: {} },
      }),
      modelNode('fct_sales', {
        columns: {
          sale_id: {},
          sold_on: { data_type: 'date' },
          shipped_on: { data_type: 'date' },
          sold_at: { data_type: 'timestamp' },
        },
      }),
      modelNode('stg_sales', {
        columns: { sold_on: { data_type: 'date' } },
      }),
    ]);
    expect(ends(relationships)).toEqual([
      'fct_sales.shipped_on -> dim_date.date_key n1 medium',
      'fct_sales.sold_on -> dim_date.date_key n1 medium',
    ]);
    expect(relationships[0].evidence?.[0]).toBe(
      'date dimension: fct_sales.shipped_on is a date, dim_date is keyed on the date date_key',
    );
  });

  it('points a column at the table whose docs call it the primary key, among tables unique on it', () => {
    const organization = modelId('organization');
    const rating = modelId('rating');
    const { relationships } = infer([
      modelNode('organization', {
        columns: {
          ticker: { description: 'Stock symbol, primary key for this table' },
          website: {},
        },
      }),
      modelNode('rating', {
        columns: { ticker: {}, score: {}, grade: {}, stars: {} },
      }),
      modelNode('cash_flow', { columns: { ticker: {}, quarter: {} } }),
      ...primaryKeyTests(organization, 'ticker'),
      ...primaryKeyTests(rating, 'ticker'),
    ]);
    expect(ends(relationships)).toContain(
      'cash_flow.ticker -> organization.ticker n1 medium',
    );
    expect(
      relationships.find(r => r.fromId.endsWith('cash_flow'))!.evidence,
    ).toContain('key documented: organization.ticker');
  });
});

describe('inferred edges in text exports', () => {
  const nodes: Nodes = [customers(), orders(JOIN)];
  const erd = () =>
    buildErd(
      { manifest: buildManifest({ nodes }), catalog: {} },
      { algo: 'inferred' },
    ).erd;

  it('marks them in Mermaid labels and DBML comments', () => {
    expect(renderErd(erd(), 'mermaid')).toContain(': "customer_id (inferred)"');
    expect(renderErd(erd(), 'dbml')).toContain(
      '//inferred (medium confidence): join in model.shop.orders: o.customer_id = c.customer_id; key on to side (by name)\nRef:',
    );
  });
});
