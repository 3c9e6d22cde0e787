import { ordersAndCustomers } from '../__testUtils__/erd';
import { d2Target } from './d2';

describe('d2 target', () => {
  it('renders sql_table shapes and labelled connections', () => {
    expect(d2Target.render(ordersAndCustomers())).toBe(
      [
        '"model.shop.customers": {',
        '  shape: sql_table',
        '  id: integer {constraint: primary_key}',
        '  name: text',
        '}',
        '"model.shop.orders": {',
        '  shape: sql_table',
        '  id: integer',
        '  customer_id: integer',
        '}',
        '"model.shop.orders" -> "model.shop.customers": "customer_id = id"',
        '',
      ].join('\n'),
    );
  });
});
