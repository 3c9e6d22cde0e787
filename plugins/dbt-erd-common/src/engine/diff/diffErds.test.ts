import { erdColumn, erdEdge, erdNode } from '../__testUtils__/erd';
import { diffErds, isEmptyDiff } from './diffErds';
import { editedShopErd, nodeOf, shopErd } from './__testUtils__/shopErd';

const ORDERS = 'model.shop.orders';
const ITEMS = 'model.shop.order_items';
const CUSTOMERS = 'model.shop.customers';
const ITEMS_TO_ORDERS =
  'model.shop.order_items(order_id) -> model.shop.orders(order_id)';

describe('diffErds', () => {
  it('finds nothing between identical inputs, and names both sides', () => {
    const diff = diffErds(shopErd(), shopErd(), {
      base: 'main/target',
      head: 'target',
    });

    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff).toEqual({
      base: {
        generated_at: '2024-01-02T03:04:05Z',
        dbt_project_name: 'shop',
        source: 'main/target',
      },
      head: {
        generated_at: '2024-01-02T03:04:05Z',
        dbt_project_name: 'shop',
        source: 'target',
      },
      summary: {
        tables: { added: 0, removed: 0, changed: 0 },
        columns: { added: 0, removed: 0, changed: 0 },
        relationships: { added: 0, removed: 0, changed: 0 },
      },
      tables: { added: [], removed: [], changed: [] },
      relationships: { added: [], removed: [], changed: [] },
    });
  });

  it('lists added and removed tables by id, sorted', () => {
    const head = editedShopErd(erd => {
      erd.nodes = erd.nodes.filter(n => n.id !== CUSTOMERS);
      erd.edges = erd.edges.filter(e => e.to_id !== CUSTOMERS);
      erd.nodes.push(
        erdNode('model.shop.payments', []),
        erdNode('model.shop.a_refunds', []),
      );
    });
    const diff = diffErds(shopErd(), head);

    expect(diff.tables.added).toEqual([
      'model.shop.a_refunds',
      'model.shop.payments',
    ]);
    expect(diff.tables.removed).toEqual([CUSTOMERS]);
    expect(diff.summary.tables).toEqual({ added: 2, removed: 1, changed: 0 });
  });

  it('reports column type, description and key flag changes with base and head values', () => {
    const head = editedShopErd(erd => {
      const orders = nodeOf(erd, ORDERS);
      orders.columns[2] = erdColumn('amount', 'numeric', {
        description: 'In cents',
      });
      orders.columns[1].is_primary_key = true;
    });
    const diff = diffErds(shopErd(), head);

    expect(diff.tables.changed).toEqual([
      {
        id: ORDERS,
        from: {},
        to: {},
        columns: {
          added: [],
          removed: [],
          changed: [
            {
              name: 'amount',
              from: { data_type: 'text', description: null },
              to: { data_type: 'numeric', description: 'In cents' },
            },
            {
              name: 'customer_id',
              from: { is_primary_key: false },
              to: { is_primary_key: true },
            },
          ],
        },
      },
    ]);
    expect(diff.summary.columns).toEqual({ added: 0, removed: 0, changed: 2 });
  });

  it('sees a renamed column as one removed and one added, and the relationship on it as removed for the column', () => {
    const head = editedShopErd(erd => {
      nodeOf(erd, ORDERS).columns[0].name = 'id';
      erd.edges[0].to_columns = ['id'];
    });
    const diff = diffErds(shopErd(), head);

    expect(diff.tables.changed[0].columns).toMatchObject({
      added: ['id'],
      removed: ['order_id'],
    });
    expect(diff.relationships.removed).toEqual([
      expect.objectContaining({
        key: ITEMS_TO_ORDERS,
        why: {
          reason: 'column_removed',
          text: 'column orders.order_id removed',
        },
      }),
    ]);
    expect(diff.relationships.added.map(e => e.key)).toEqual([
      'model.shop.order_items(order_id) -> model.shop.orders(id)',
    ]);
  });

  it('keeps a table that moved schema or database as the same table, its relationships untouched', () => {
    const head = editedShopErd(erd => {
      nodeOf(erd, ORDERS).schema_name = 'sales';
      nodeOf(erd, ORDERS).database = 'warehouse';
    });
    const diff = diffErds(shopErd(), head);

    expect(diff.tables).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: ORDERS,
          from: { schema_name: 'main', database: 'db' },
          to: { schema_name: 'sales', database: 'warehouse' },
          columns: { added: [], removed: [], changed: [] },
        },
      ],
    });
    expect(diff.relationships).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports table description, name, label and resource type changes', () => {
    const head = editedShopErd(erd => {
      const customers = nodeOf(erd, CUSTOMERS);
      customers.description = 'People';
      customers.name = 'model.shop.customers_v2';
      customers.label = 'Customers';
      customers.resource_type = 'snapshot';
    });
    const [change] = diffErds(shopErd(), head).tables.changed;

    expect(change.from).toEqual({
      name: CUSTOMERS,
      label: null,
      description: null,
      resource_type: 'model',
    });
    expect(change.to).toEqual({
      name: 'model.shop.customers_v2',
      label: 'Customers',
      description: 'People',
      resource_type: 'snapshot',
    });
  });

  it('says a relationship went with its table, with its edge as in the ERD JSON', () => {
    const head = editedShopErd(erd => {
      erd.nodes = erd.nodes.filter(n => n.id !== ITEMS);
      erd.edges = erd.edges.filter(e => e.from_id !== ITEMS);
    });
    const diff = diffErds(shopErd(), head);

    expect(diff.relationships.removed).toEqual([
      {
        key: ITEMS_TO_ORDERS,
        id: 'test.shop.relationships_order_items_order_id',
        from_id: ITEMS,
        to_id: ORDERS,
        from_columns: ['order_id'],
        to_columns: ['order_id'],
        relationship_type: 'fk',
        name: 'test.shop.relationships_order_items_order_id',
        label: null,
        cardinality: 'n1',
        why: { reason: 'table_removed', text: 'table order_items removed' },
      },
    ]);
  });

  it('blames the deleted test when both tables and columns are still there', () => {
    const head = editedShopErd(erd => {
      erd.edges = erd.edges.slice(1);
      nodeOf(erd, ITEMS).columns[1].is_foreign_key = false;
    });
    const diff = diffErds(shopErd(), head);

    expect(diff.relationships.removed.map(e => e.why)).toEqual([
      { reason: 'test_removed', text: 'test deleted' },
    ]);
  });

  it('blames the test, not the column, when the column existed only for the relationship', () => {
    const base = editedShopErd(erd => {
      nodeOf(erd, ITEMS).columns[1].data_type = 'unknown';
    });
    const head = editedShopErd(erd => {
      erd.edges = erd.edges.slice(1);
      nodeOf(erd, ITEMS).columns.splice(1, 1);
    });

    expect(diffErds(base, head).relationships.removed[0].why.reason).toBe(
      'test_removed',
    );
  });

  it('names what declared a relationship by its provenance when the ERD has one', () => {
    const withProvenance = (provenance: string) =>
      editedShopErd(erd => {
        Object.assign(erd.edges[0], { provenance });
      });
    const head = editedShopErd(erd => {
      erd.edges = erd.edges.slice(1);
    });

    expect(
      diffErds(withProvenance('semantic'), head).relationships.removed[0],
    ).toMatchObject({
      provenance: 'semantic',
      why: { text: 'semantic entity deleted' },
    });
    expect(
      diffErds(withProvenance('contract'), head).relationships.removed[0].why
        .text,
    ).toBe('constraint deleted');
  });

  it('reports cardinality, label and provenance changes of one relationship identity', () => {
    const base = editedShopErd(erd => {
      Object.assign(erd.edges[0], { provenance: 'test' });
    });
    const head = editedShopErd(erd => {
      Object.assign(erd.edges[0], {
        cardinality: '11',
        label: 'items of',
        provenance: 'contract',
        // A renamed test is the same relationship.
        id: 'test.shop.renamed',
        name: 'test.shop.renamed',
      });
    });
    const diff = diffErds(base, head);

    expect(diff.relationships.changed).toEqual([
      {
        key: ITEMS_TO_ORDERS,
        id: 'test.shop.renamed',
        from_id: ITEMS,
        to_id: ORDERS,
        from_columns: ['order_id'],
        to_columns: ['order_id'],
        from: { cardinality: 'n1', provenance: 'test', label: null },
        to: { cardinality: '11', provenance: 'contract', label: 'items of' },
        why: {
          reason: 'cardinality_changed',
          text: 'cardinality n1 → 11, provenance test → contract, label (none) → items of',
        },
      },
    ]);
    expect(diff.relationships.added).toEqual([]);
    expect(diff.relationships.removed).toEqual([]);
  });

  it('does not compare provenance when only one side has it', () => {
    const head = editedShopErd(erd => {
      Object.assign(erd.edges[0], { provenance: 'test' });
    });

    expect(isEmptyDiff(diffErds(shopErd(), head))).toBe(true);
  });

  it('tells composite keys apart by their columns in order, and counts two tests of one relationship once', () => {
    const base = editedShopErd(erd => {
      erd.edges.push(
        erdEdge('test.shop.b', ITEMS, ['a', 'b'], ORDERS, ['x', 'y']),
        erdEdge('test.shop.a', ITEMS, ['a', 'b'], ORDERS, ['x', 'y'], {
          cardinality: '11',
        }),
      );
    });
    const head = editedShopErd(erd => {
      erd.edges.push(
        erdEdge('test.shop.c', ITEMS, ['b', 'a'], ORDERS, ['y', 'x']),
      );
    });
    const diff = diffErds(base, head);

    expect(diff.relationships.removed).toEqual([
      expect.objectContaining({
        key: 'model.shop.order_items(a,b) -> model.shop.orders(x,y)',
        id: 'test.shop.a',
        cardinality: '11',
      }),
    ]);
    expect(diff.relationships.added.map(e => e.key)).toEqual([
      'model.shop.order_items(b,a) -> model.shop.orders(y,x)',
    ]);
  });

  it('picks the same edge for a relationship declared twice under one id, whatever their order', () => {
    const declared = erdEdge('t3', ITEMS, ['order_id'], ORDERS, ['order_id']);
    const traced = erdEdge('t3', ITEMS, ['order_id'], ORDERS, ['order_id'], {
      provenance: 'test',
    });
    const withEdges = (edges: (typeof declared)[]) =>
      editedShopErd(erd => {
        erd.edges = erd.edges
          .filter(e => e.from_id !== ITEMS || e.to_id !== ORDERS)
          .concat(edges);
      });
    const base = withEdges([]);

    expect(diffErds(base, withEdges([declared, traced]))).toEqual(
      diffErds(base, withEdges([traced, declared])),
    );
  });
});
