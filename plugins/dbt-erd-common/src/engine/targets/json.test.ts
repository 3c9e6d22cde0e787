import { ordersAndCustomers } from '../__testUtils__/erd';
import { toJson } from './json';

describe('json target', () => {
  it('writes dbterd ERD JSON with a pinnable version', () => {
    const erd = ordersAndCustomers();
    erd.extras = {
      nodeDetails: {
        'model.shop.orders': {
          packageName: 'shop',
          relationName: null,
          exposures: [],
        },
      },
    };
    const document = JSON.parse(toJson(erd, { dbterdVersion: '1.2.3' }));
    expect(Object.keys(document)).toEqual([
      '$schema',
      'nodes',
      'edges',
      'metadata',
    ]);
    expect(document.$schema).toBe(
      'https://dbterd.datnguye.me/latest/schemas/erd/1.2.3/erd.json',
    );
    expect(document.metadata).toEqual({
      generated_at: '2024-01-02T03:04:05Z',
      dbt_project_name: 'shop',
      dbterd_version: '1.2.3',
    });
    expect(document.edges[0]).toEqual({
      id: 'test.shop.rel',
      from_id: 'model.shop.orders',
      to_id: 'model.shop.customers',
      from_columns: ['customer_id'],
      to_columns: ['id'],
      relationship_type: 'fk',
      name: 'test.shop.rel',
      label: null,
      cardinality: 'n1',
    });
  });

  it('adds groups when the ERD has them', () => {
    const erd = {
      ...ordersAndCustomers(),
      groups: [
        {
          name: 'db.main',
          node_ids: ['model.shop.customers', 'model.shop.orders'],
        },
      ],
    };
    expect(JSON.parse(toJson(erd)).groups).toEqual(erd.groups);
  });
});
