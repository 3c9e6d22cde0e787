import { erdColumn, erdEdge, erdNode, erdOf } from '../../__testUtils__/erd';
import { Erd } from '../../types';

/** customers ← orders ← order_items, with keys, as a base side for crafted diffs. */
export function shopErd(): Erd {
  return erdOf(
    [
      erdNode('model.shop.customers', [
        erdColumn('customer_id', 'bigint', { is_primary_key: true }),
        erdColumn('name', 'text'),
      ]),
      erdNode('model.shop.order_items', [
        erdColumn('order_item_id', 'bigint', { is_primary_key: true }),
        erdColumn('order_id', 'bigint', { is_foreign_key: true }),
      ]),
      erdNode('model.shop.orders', [
        erdColumn('order_id', 'bigint', { is_primary_key: true }),
        erdColumn('customer_id', 'bigint', { is_foreign_key: true }),
        erdColumn('amount', 'text'),
      ]),
    ],
    [
      erdEdge(
        'test.shop.relationships_order_items_order_id',
        'model.shop.order_items',
        ['order_id'],
        'model.shop.orders',
        ['order_id'],
      ),
      erdEdge(
        'test.shop.relationships_orders_customer_id',
        'model.shop.orders',
        ['customer_id'],
        'model.shop.customers',
        ['customer_id'],
      ),
    ],
  );
}

/** A copy to edit into the head side. */
export function editedShopErd(edit: (erd: Erd) => void): Erd {
  const erd = structuredClone(shopErd());
  edit(erd);
  return erd;
}

export function nodeOf(erd: Erd, id: string) {
  const node = erd.nodes.find(n => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}
