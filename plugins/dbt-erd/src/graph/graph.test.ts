import {
  column,
  shopErd,
  syntheticErd,
  table,
} from '../__testUtils__/erdFixtures';
import { buildErdModel } from './erdModel';
import { groupTables } from './grouping';
import { handleId } from './handles';
import { neighbourhood } from './neighbourhood';
import { NODE_METRICS, nodeSize, tableSizes } from './nodeSize';
import { isOverview, OVERVIEW_THRESHOLD } from './overview';
import { buildSearchIndex, searchErd } from './searchIndex';
import { applyHighlight, toFlow, TableFlowNode, visibleEdges } from './toFlow';
import { visibleColumns } from './visibleColumns';
import { dagreLayout } from '../layout/dagreLayout';
import { gridLayout } from '../layout/gridLayout';
import { buildLayoutRequest } from '../hooks/layoutRequest';

const id = (name: string) => `model.shop.${name}`;

describe('buildErdModel', () => {
  it('indexes neighbours, relationships and referenced columns', () => {
    const model = buildErdModel(shopErd());
    expect([...model.adjacency.get(id('orders'))!].sort()).toEqual(
      [id('customers'), id('order_items'), id('payments')].sort(),
    );
    expect(model.edgesByNode.get(id('orders'))).toHaveLength(3);
    expect([...model.referencedColumns.get(id('orders'))!].sort()).toEqual([
      'customer_id',
      'order_id',
    ]);
    expect(model.groupOf.get(id('stg_events'))).toBe('analytics.staging');
  });

  it("lists a neighbourhood's relationships from its own tables, in the ERD's order", () => {
    const model = buildErdModel(syntheticErd(400));
    const scan = (ids: ReadonlySet<string>) =>
      model.erd.edges.filter(e => ids.has(e.from_id) && ids.has(e.to_id));
    for (const start of [...model.nodeById.keys()].slice(0, 40)) {
      const ids = neighbourhood(model.adjacency, start, 2);
      expect(visibleEdges(model, ids)).toEqual(scan(ids));
    }
    const all = new Set(model.nodeById.keys());
    expect(visibleEdges(model, all)).toEqual(scan(all));
  });

  it('skips relationships to tables the filters removed', () => {
    const erd = shopErd();
    erd.nodes = erd.nodes.filter(n => n.id !== id('customers'));
    const model = buildErdModel(erd);
    expect(model.adjacency.get(id('orders'))!.has(id('customers'))).toBe(false);
  });
});

describe('neighbourhood', () => {
  const { adjacency } = buildErdModel(shopErd());
  it('finds the tables within N hops, either direction', () => {
    expect([...neighbourhood(adjacency, id('customers'), 1)].sort()).toEqual(
      [id('customers'), id('orders')].sort(),
    );
    expect([...neighbourhood(adjacency, id('customers'), 2)].sort()).toEqual(
      [id('customers'), id('order_items'), id('orders'), id('payments')].sort(),
    );
    expect(
      neighbourhood(adjacency, id('customers'), 3).has(id('products')),
    ).toBe(true);
    expect(
      neighbourhood(adjacency, id('customers'), 3).has(id('stg_events')),
    ).toBe(false);
  });
  it('is empty for an unknown table and just the table when isolated', () => {
    expect(neighbourhood(adjacency, 'nope', 2).size).toBe(0);
    expect([...neighbourhood(adjacency, id('stg_events'), 3)]).toEqual([
      id('stg_events'),
    ]);
  });
  // Speed is measured by `yarn bench`, never by a timed unit test.
  it('focuses a 2-hop neighbourhood of a 5,000-table project', () => {
    const model = buildErdModel(syntheticErd(5000));
    const found = neighbourhood(model.adjacency, id('t100'), 2);
    expect(found.size).toBeGreaterThan(3);
  });
});

describe('search', () => {
  const index = buildSearchIndex(shopErd());
  it('ranks exact and prefix table matches before columns', () => {
    expect(searchErd(index, 'orders').map(r => r.label)).toEqual(['orders']);
    const results = searchErd(index, 'order');
    expect(results.slice(0, 2).map(r => r.label)).toEqual([
      'orders',
      'order_items',
    ]);
    // a column shows its own name first, its table's short name after
    expect(results.map(r => [r.label, r.detail])).toContainEqual([
      'order_id',
      'payments',
    ]);
  });
  it('finds columns, also by table and column together', () => {
    expect(searchErd(index, 'ordered_at')[0]).toMatchObject({
      kind: 'column',
      tableId: id('orders'),
      column: 'ordered_at',
    });
    const both = searchErd(index, 'payments order_id');
    expect(both[0]).toMatchObject({
      kind: 'column',
      tableId: id('payments'),
      column: 'order_id',
    });
  });
  it('is case-insensitive and empty for a blank query', () => {
    expect(searchErd(index, 'CUSTOMERS')[0].tableId).toBe(id('customers'));
    expect(searchErd(index, '   ')).toEqual([]);
  });
});

describe('show modes and sizes', () => {
  const orders = shopErd().nodes[1];
  const referenced = new Set(['customer_id', 'order_id']);
  it('shows all, key or no columns', () => {
    expect(visibleColumns(orders, 'all', referenced).map(c => c.name)).toEqual([
      'order_id',
      'customer_id',
      'ordered_at',
    ]);
    expect(visibleColumns(orders, 'keys', referenced).map(c => c.name)).toEqual(
      ['order_id', 'customer_id'],
    );
    expect(visibleColumns(orders, 'names', referenced)).toEqual([]);
  });
  it('keeps columns a relationship uses in key mode even when not flagged', () => {
    const t = table('x', [column('a'), column('b')]);
    expect(visibleColumns(t, 'keys', new Set(['b'])).map(c => c.name)).toEqual([
      'b',
    ]);
  });
  it('sizes nodes from their rows, before render', () => {
    const all = nodeSize(orders, 'all', referenced);
    expect(all.height).toBe(
      NODE_METRICS.headerHeight +
        3 * NODE_METRICS.rowHeight +
        NODE_METRICS.paddingBottom,
    );
    expect(nodeSize(orders, 'names').height).toBe(NODE_METRICS.headerHeight);
    expect(all.width).toBeGreaterThanOrEqual(NODE_METRICS.minWidth);
    const long = table('x'.repeat(200), []);
    expect(nodeSize(long, 'names').width).toBe(NODE_METRICS.maxWidth);
  });
});

describe('grouping', () => {
  it('groups by database.schema', () => {
    expect(groupTables(shopErd()).map(g => [g.name, g.nodeIds.length])).toEqual(
      [
        ['analytics.marts', 5],
        ['analytics.staging', 1],
      ],
    );
  });
  it("uses the ERD's own groups when present, keeping ungrouped tables", () => {
    const erd = shopErd();
    erd.groups = [{ name: 'sales', node_ids: [id('orders'), id('customers')] }];
    expect(groupTables(erd).map(g => [g.name, g.nodeIds.length])).toEqual([
      ['sales', 2],
      ['ungrouped', 4],
    ]);
  });
});

describe('toFlow', () => {
  const model = buildErdModel(shopErd());
  const all = new Set(model.nodeById.keys());
  const request = buildLayoutRequest(
    model,
    tableSizes(model, all, 'all'),
    true,
  );
  const layout = gridLayout(request);

  it('makes a sized table node per table and group areas', () => {
    const flow = toFlow(model, all, layout, tableSizes(model, all, 'all'), {
      showMode: 'all',
      drawEdges: true,
    });
    const tables = flow.nodes.filter(
      n => n.type === 'table',
    ) as TableFlowNode[];
    expect(tables).toHaveLength(6);
    const orders = tables.find(n => n.id === id('orders'))!;
    expect(
      orders.data.columns.map(c => [
        c.name,
        c.isPrimaryKey,
        c.isForeignKey,
        c.linked,
      ]),
    ).toEqual([
      ['order_id', true, false, true],
      ['customer_id', false, true, true],
      ['ordered_at', false, false, false],
    ]);
    expect(orders.width).toBe(
      request.nodes.find(n => n.id === id('orders'))!.width,
    );
    expect(
      flow.nodes
        .filter(n => n.type === 'erdGroup')
        .map(n => n.id)
        .sort(),
    ).toEqual(['group:analytics.marts', 'group:analytics.staging']);
  });

  it('declares each node size and handles, so React Flow culls nodes it never drew and still draws their edges', () => {
    const flow = toFlow(model, all, layout, tableSizes(model, all, 'all'), {
      showMode: 'all',
      drawEdges: true,
    });
    for (const node of flow.nodes) {
      expect(node.measured).toEqual({ width: node.width, height: node.height });
      expect(node.handles).toBeDefined();
    }
    const byId = new Map(flow.nodes.map(n => [n.id, n]));
    for (const edge of flow.edges) {
      const ends: [string, string | null | undefined][] = [
        [edge.source, edge.sourceHandle],
        [edge.target, edge.targetHandle],
      ];
      for (const [nodeId, handle] of ends) {
        const declared = byId.get(nodeId)!.handles!.find(h => h.id === handle);
        expect(declared).toBeDefined();
        // On the side it names: the left border or the right one.
        const width = byId.get(nodeId)!.width!;
        expect(declared!.x).toBeCloseTo(
          handle!.endsWith(':l') ? 0.5 : width - 1.5,
        );
      }
    }
    // The overview draws no lines: its tables have no handles to measure.
    const overview = toFlow(
      model,
      all,
      layout,
      tableSizes(model, all, 'names'),
      {
        showMode: 'names',
        drawEdges: false,
      },
    );
    expect(overview.nodes.every(n => n.handles?.length === 0)).toBe(true);
  });

  it('attaches edges to the FK and referenced columns, with cardinality', () => {
    const flow = toFlow(model, all, layout, tableSizes(model, all, 'all'), {
      showMode: 'all',
      drawEdges: true,
    });
    const edge = flow.edges.find(
      e => e.source === id('orders') && e.target === id('customers'),
    )!;
    expect(edge.sourceHandle).toMatch(/^col:customer_id:[lr]$/);
    expect(edge.targetHandle).toMatch(/^col:customer_id:[lr]$/);
    expect(edge.sourceHandle!.slice(-1)).not.toBe(edge.targetHandle!.slice(-1));
    expect(edge.data).toMatchObject({
      cardinality: 'n1',
      label: 'customer_id → customer_id',
    });
    expect(
      flow.edges.find(e => e.source === id('payments'))!.data!.cardinality,
    ).toBe('11');
  });

  it("draws edges along the layered layout's routes, directly without one", () => {
    const sizes = tableSizes(model, all, 'all');
    const layered = dagreLayout(buildLayoutRequest(model, sizes, true));
    const routed = toFlow(model, all, layered, sizes, {
      showMode: 'all',
      drawEdges: true,
    });
    const edge = routed.edges.find(
      e => e.source === id('orders') && e.target === id('customers'),
    )!;
    const route = edge.data!.route as number[];
    expect(route.length).toBeGreaterThan(0);
    expect(route).toEqual(layered.routes!.get(edge.id));
    const direct = toFlow(model, all, layout, sizes, {
      showMode: 'all',
      drawEdges: true,
    });
    expect(direct.edges.every(e => e.data!.route === undefined)).toBe(true);
  });

  it('attaches edges to the table header when columns are hidden', () => {
    const names = gridLayout(
      buildLayoutRequest(model, tableSizes(model, all, 'names'), true),
    );
    const flow = toFlow(model, all, names, tableSizes(model, all, 'names'), {
      showMode: 'names',
      drawEdges: true,
    });
    expect(flow.edges.every(e => e.sourceHandle!.startsWith('table:'))).toBe(
      true,
    );
    expect(flow.edges[0].sourceHandle).toBe(
      handleId(undefined, flow.edges[0].sourceHandle!.slice(-1) as 'l'),
    );
  });

  it('draws only the focused neighbourhood', () => {
    const visible = neighbourhood(model.adjacency, id('customers'), 1);
    const laid = gridLayout(
      buildLayoutRequest(model, tableSizes(model, visible, 'all'), true),
    );
    const flow = toFlow(
      model,
      visible,
      laid,
      tableSizes(model, visible, 'all'),
      {
        showMode: 'all',
        drawEdges: true,
      },
    );
    expect(
      flow.nodes
        .filter(n => n.type === 'table')
        .map(n => n.id)
        .sort(),
    ).toEqual([id('customers'), id('orders')].sort());
    expect(flow.edges).toHaveLength(1);
  });

  it('highlights by copying only the affected elements', () => {
    const flow = toFlow(model, all, layout, tableSizes(model, all, 'all'), {
      showMode: 'all',
      drawEdges: true,
    });
    const lit = applyHighlight(flow, {
      tableId: id('customers'),
      column: 'name',
      focusId: id('orders'),
    });
    const customers = lit.nodes.find(
      n => n.id === id('customers'),
    ) as TableFlowNode;
    expect(customers.data).toMatchObject({
      highlighted: true,
      highlightedColumn: 'name',
      focused: false,
    });
    expect(
      (lit.nodes.find(n => n.id === id('orders')) as TableFlowNode).data
        .focused,
    ).toBe(true);
    const products = id('products');
    expect(lit.nodes.find(n => n.id === products)).toBe(
      flow.nodes.find(n => n.id === products),
    );
    expect(lit.edges.filter(e => e.data!.highlighted)).toHaveLength(3);
  });
});

describe('large projects', () => {
  it(`opens on the overview past ${OVERVIEW_THRESHOLD} tables unless focused`, () => {
    expect(isOverview(OVERVIEW_THRESHOLD, false)).toBe(false);
    expect(isOverview(OVERVIEW_THRESHOLD + 1, false)).toBe(true);
    expect(isOverview(5000, true)).toBe(false);
  });

  it('builds the overview of 5,000 tables', () => {
    const erd = syntheticErd(5000);
    const model = buildErdModel(erd);
    const all = new Set(model.nodeById.keys());
    const layout = gridLayout(
      buildLayoutRequest(model, tableSizes(model, all, 'names'), true),
    );
    const flow = toFlow(model, all, layout, tableSizes(model, all, 'names'), {
      showMode: 'names',
      drawEdges: false,
    });
    expect(flow.nodes.filter(n => n.type === 'table')).toHaveLength(5000);
    expect(flow.edges).toHaveLength(0);
    expect(layout.groups.size).toBe(8);
  });
});

describe('artifact names that are special on JavaScript objects', () => {
  it('lays out and draws schemas and tables named __proto__ and constructor', () => {
    const erd = shopErd();
    erd.nodes.push(
      {
        ...table('__proto__', [column('id', { pk: true })]),
        id: '__proto__',
        name: '__proto__',
        database: '',
        schema_name: '__proto__',
      },
      {
        ...table('constructor', [column('id')]),
        id: 'constructor',
        name: 'constructor',
        database: '',
        schema_name: 'constructor',
      },
    );
    erd.groups = [
      { name: '__proto__', node_ids: ['__proto__', id('orders')] },
      { name: 'constructor', node_ids: ['constructor'] },
    ];
    erd.edges.push({
      ...erd.edges[0],
      id: 'hasOwnProperty',
      from_id: 'constructor',
      to_id: '__proto__',
      from_columns: ['id'],
      to_columns: ['id'],
    });
    const model = buildErdModel(erd);
    const all = new Set(model.nodeById.keys());
    for (const showMode of ['all', 'names'] as const) {
      const sizes = tableSizes(model, all, showMode);
      const layout = gridLayout(buildLayoutRequest(model, sizes, true));
      const flow = toFlow(model, all, layout, sizes, {
        showMode,
        drawEdges: true,
      });
      const drawn = flow.nodes.filter(n => n.type === 'table');
      expect(drawn.map(n => n.id)).toEqual(
        expect.arrayContaining(['__proto__', 'constructor']),
      );
      expect(
        drawn.every(
          n => Number.isFinite(n.position.x) && Number.isFinite(n.position.y),
        ),
      ).toBe(true);
      expect(
        flow.nodes.filter(n => n.type === 'erdGroup').map(n => n.id),
      ).toEqual(
        expect.arrayContaining(['group:__proto__', 'group:constructor']),
      );
      expect(flow.edges.map(e => e.id)).toContain('hasOwnProperty');
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(
      buildSearchIndex(erd).filter(e => e.tableId === '__proto__')[0].label,
    ).toBe('__proto__');
  });
});
