import { Erd, ErdColumn, ErdEdge, ErdNode } from '../types';

/** Hand-made ERD pieces for target tests. */

export function erdColumn(
  name: string,
  dataType = 'text',
  extra: Partial<ErdColumn> = {},
): ErdColumn {
  return {
    name,
    data_type: dataType,
    description: null,
    is_primary_key: false,
    is_foreign_key: false,
    ...extra,
  };
}

export function erdNode(
  id: string,
  columns: ErdColumn[],
  extra: Partial<ErdNode> = {},
): ErdNode {
  return {
    id,
    name: id,
    label: null,
    description: null,
    resource_type: id.split('.')[0],
    schema_name: 'main',
    database: 'db',
    columns,
    compiled_sql: null,
    ...extra,
  };
}

export function erdEdge(
  name: string,
  fromId: string,
  fromColumns: string[],
  toId: string,
  toColumns: string[],
  extra: Partial<ErdEdge> = {},
): ErdEdge {
  return {
    id: name,
    from_id: fromId,
    to_id: toId,
    from_columns: fromColumns,
    to_columns: toColumns,
    relationship_type: 'fk',
    name,
    label: null,
    cardinality: 'n1',
    ...extra,
  };
}

export function erdOf(
  nodes: ErdNode[],
  edges: ErdEdge[] = [],
  extra: Partial<Erd> = {},
): Erd {
  return {
    nodes,
    edges,
    metadata: {
      generated_at: '2024-01-02T03:04:05Z',
      dbt_project_name: 'shop',
      dbterd_version: 'latest',
    },
    ...extra,
  };
}

/** orders.customer_id -> customers.id, the smallest useful ERD. */
export function ordersAndCustomers(): Erd {
  return erdOf(
    [
      erdNode('model.shop.customers', [
        erdColumn('id', 'integer', { is_primary_key: true }),
        erdColumn('name'),
      ]),
      erdNode(
        'model.shop.orders',
        [erdColumn('id', 'integer'), erdColumn('customer_id', 'integer')],
        {
          description: 'One row per order',
        },
      ),
    ],
    [
      erdEdge(
        'test.shop.rel',
        'model.shop.orders',
        ['customer_id'],
        'model.shop.customers',
        ['id'],
      ),
    ],
  );
}
