import { ErdInputError } from '../errors';
import { diffErds } from './diffErds';
import { findGatedChanges, parseDiffGateKinds } from './diffGate';
import { editedShopErd, nodeOf, shopErd } from './__testUtils__/shopErd';

describe('diff gate', () => {
  const head = editedShopErd(erd => {
    erd.nodes = erd.nodes.filter(n => n.id !== 'model.shop.customers');
    erd.edges = erd.edges.filter(e => e.to_id !== 'model.shop.customers');
    const orders = nodeOf(erd, 'model.shop.orders');
    orders.columns = orders.columns.filter(c => c.name !== 'amount');
    orders.columns[0].data_type = 'text';
    orders.columns[1].is_foreign_key = false;
  });
  const diff = diffErds(shopErd(), head);

  it('names every change of each kind asked for', () => {
    expect(
      findGatedChanges(
        diff,
        parseDiffGateKinds(
          'relationship-removed, table-removed,column-removed,key-changed',
        ),
        { base: shopErd(), head },
      ),
    ).toEqual([
      'table removed: model.shop.customers',
      'column removed: model.shop.orders.amount',
      'key changed: model.shop.orders.customer_id',
      'key changed: model.shop.orders.order_id',
      'relationship removed: model.shop.orders(customer_id) -> model.shop.customers(customer_id) (table customers removed)',
    ]);
  });

  it('counts a type change of a relationship end as a key change, flagged or not', () => {
    const typed = editedShopErd(erd => {
      nodeOf(erd, 'model.shop.order_items').columns[1].is_foreign_key = false;
    });
    const retyped = editedShopErd(erd => {
      const items = nodeOf(erd, 'model.shop.order_items');
      items.columns[1].is_foreign_key = false;
      items.columns[1].data_type = 'text';
    });

    expect(
      findGatedChanges(diffErds(typed, retyped), ['key-changed'], {
        base: typed,
        head: retyped,
      }),
    ).toEqual(['key changed: model.shop.order_items.order_id']);
  });

  it('passes when none of the asked kinds is in the diff', () => {
    expect(
      findGatedChanges(diffErds(head, head), ['table-removed'], {
        base: head,
        head,
      }),
    ).toEqual([]);
    expect(findGatedChanges(diff, [], { base: shopErd(), head })).toEqual([]);
  });

  it('refuses an unknown kind, naming it and the known ones', () => {
    expect(() => parseDiffGateKinds('table-removed,tables-dropped')).toThrow(
      new ErdInputError(
        'unknown change kind "tables-dropped"; use a comma-separated list of relationship-removed, table-removed, column-removed, key-changed',
      ),
    );
  });
});
