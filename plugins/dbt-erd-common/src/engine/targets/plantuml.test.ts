import { erdEdge, ordersAndCustomers } from '../__testUtils__/erd';
import { plantumlTarget } from './plantuml';

describe('plantuml target', () => {
  it('renders entities with keys first and each connector once', () => {
    const erd = ordersAndCustomers();
    erd.edges.push(
      erdEdge(
        'test.shop.rel2',
        'model.shop.orders',
        ['id'],
        'model.shop.customers',
        ['id'],
      ),
    );
    expect(plantumlTarget.render(erd)).toBe(
      [
        '@startuml',
        'entity "model.shop.customers" {',
        '    *id : integer <<PK>>',
        '    --',
        '    name : text',
        '  }',
        'entity "model.shop.orders" {',
        '    id : integer',
        '    customer_id : integer',
        '  }',
        '  "model.shop.orders" }|--|| "model.shop.customers"',
        '@enduml',
        '',
      ].join('\n'),
    );
  });
});
