import {
  column,
  relationship,
  shopErd,
  table,
} from '../__testUtils__/erdFixtures';
import { columnKeys, keyMarks } from './columnKeys';
import { buildErdModel } from './erdModel';
import { tableSizes } from './nodeSize';
import { applyHighlight, toFlow } from './toFlow';

/** The shop, with stated keys and a composite relationship onto order_lines. */
function keyedShop() {
  const erd = shopErd();
  erd.nodes.push(
    table('order_lines', [
      column('order_id'),
      column('line_no'),
      column('sku'),
    ]),
    table('shipments', [
      column('shipment_id'),
      column('order_id'),
      column('line_no'),
    ]),
  );
  erd.edges.push({
    ...relationship('shipments', 'order_id', 'order_lines', 'order_id'),
    id: 'composite',
    from_columns: ['order_id', 'line_no'],
    to_columns: ['order_id', 'line_no'],
  });
  erd.extras = {
    nodeDetails: {},
    keys: {
      'model.shop.order_lines': [
        {
          columns: ['order_id', 'line_no'],
          kind: 'unique',
          source: 'combination_test',
        },
      ],
      'model.shop.products': [
        { columns: ['price'], kind: 'unique', source: 'test' },
      ],
      'model.shop.stg_events': [
        { columns: ['event_id'], kind: 'primary', source: 'constraint' },
      ],
    },
  };
  return erd;
}

describe('keys', () => {
  it('marks stated primary and unique keys, composite ones on every column, and the referenced side of relationships', () => {
    const keys = columnKeys(keyedShop());
    expect(keys.get('model.shop.stg_events')?.get('event_id')).toEqual({
      mark: 'PK',
    });
    expect(keys.get('model.shop.products')?.get('price')).toEqual({
      mark: 'UK',
    });
    // referenced by a relationship: primary, even without a stated key
    expect(keys.get('model.shop.customers')?.get('customer_id')?.mark).toBe(
      'PK',
    );
    // the composite combination test, then referenced by the composite relationship
    expect(keys.get('model.shop.order_lines')?.get('line_no')).toEqual({
      mark: 'PK',
      composite: ['order_id', 'line_no'],
    });
    expect(keyMarks({ mark: 'UK' }, false, true)).toEqual(['UK', 'FK']);
    expect(keyMarks(undefined, false, false)).toEqual([]);
  });

  it('draws key marks on the nodes and keeps stated keys in keys mode', () => {
    const model = buildErdModel(keyedShop());
    const all = new Set(model.nodeById.keys());
    for (const showMode of ['all', 'keys'] as const) {
      const sizes = tableSizes(model, all, showMode);
      const positions = new Map(
        [...all].map((id, i) => [id, { x: i * 400, y: 0 }]),
      );
      const flow = toFlow(model, all, { positions, groups: new Map() }, sizes, {
        showMode,
        drawEdges: true,
      });
      const columnsOf = (name: string) =>
        flow.nodes.find(n => n.id === `model.shop.${name}`)!.data as {
          columns: any[];
        };
      expect(
        columnsOf('products').columns.find(c => c.name === 'price')?.keys,
      ).toEqual(['UK']);
      expect(
        columnsOf('stg_events').columns.find(c => c.name === 'event_id')?.keys,
      ).toEqual(['PK']);
    }
  });

  it('attaches a composite relationship to every column of the key, labelled once', () => {
    const model = buildErdModel(keyedShop());
    const all = new Set(model.nodeById.keys());
    const sizes = tableSizes(model, all, 'all');
    const positions = new Map(
      [...all].map((id, i) => [id, { x: i * 400, y: 0 }]),
    );
    const flow = toFlow(model, all, { positions, groups: new Map() }, sizes, {
      showMode: 'all',
      drawEdges: true,
    });
    const lines = flow.edges.filter(
      e => e.data?.relationshipId === 'composite',
    );
    expect(lines.map(e => [e.sourceHandle, e.targetHandle])).toEqual([
      ['col:order_id:l', 'col:order_id:r'],
      ['col:line_no:l', 'col:line_no:r'],
    ]);
    expect(lines.filter(e => e.data?.label)).toHaveLength(1);
    // A join path over the relationship highlights every line of it.
    const lit = applyHighlight(flow, {
      pathTableIds: new Set(['model.shop.shipments', 'model.shop.order_lines']),
      pathEdgeIds: new Set(['composite']),
    });
    expect(
      lit.edges
        .filter(e => e.data?.relationshipId === 'composite')
        .every(e => e.data?.highlighted),
    ).toBe(true);
    expect(
      lit.nodes
        .filter(n => n.type === 'table' && (n.data as any).focused)
        .map(n => n.id)
        .sort(),
    ).toEqual(['model.shop.order_lines', 'model.shop.shipments']);
  });
});
