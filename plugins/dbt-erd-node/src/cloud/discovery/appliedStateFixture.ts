import { DbtCloudAppliedState } from './types';

const column = (name: string, type: string, description = '') => ({
  name,
  type,
  description,
});

/**
 * A small shop as the Discovery API returns it: customers, orders (with an
 * alias and a relationships test to customers), a raw source, an exposure on
 * orders, and semantic models linking orders to customers by entity.
 */
export const SHOP_APPLIED_STATE: Omit<
  DbtCloudAppliedState,
  'environmentId' | 'pages' | 'warnings'
> = {
  models: [
    {
      uniqueId: 'model.shop.customers',
      name: 'customers',
      description: 'One row per customer',
      database: 'ANALYTICS',
      schema: 'MARTS',
      alias: null,
      catalog: {
        columns: [
          column('ID', 'NUMBER', 'Customer key'),
          column('NAME', 'TEXT'),
        ],
      },
    },
    {
      uniqueId: 'model.shop.orders',
      name: 'orders',
      description: '',
      database: 'ANALYTICS',
      schema: 'MARTS',
      alias: 'fct_orders',
      catalog: {
        columns: [column('ID', 'NUMBER'), column('CUSTOMER_ID', 'NUMBER')],
      },
    },
    {
      uniqueId: 'model.shop.stg_payments',
      name: 'stg_payments',
      database: 'ANALYTICS',
      schema: 'STAGING',
      catalog: null,
    },
  ],
  sources: [
    {
      uniqueId: 'source.shop.raw.orders',
      name: 'orders',
      database: 'RAW',
      schema: 'SHOP',
      catalog: { columns: [column('ORDER_ID', 'VARCHAR')] },
    },
  ],
  exposures: [
    {
      uniqueId: 'exposure.shop.weekly_report',
      name: 'weekly_report',
      parents: [{ uniqueId: 'model.shop.orders' }],
    },
  ],
  tests: [
    {
      uniqueId:
        'test.shop.relationships_orders_customer_id__id__ref_customers_.c6ec7f58f2',
      columnName: 'customer_id',
      meta: {},
      testMetadata: {
        name: 'relationships',
        kwargs: { to: "ref('customers')", field: 'id' },
      },
      // Listed "from" first: the order must come from the `to` kwarg.
      parents: [
        { uniqueId: 'model.shop.orders', resourceType: 'model' },
        { uniqueId: 'model.shop.customers', resourceType: 'model' },
      ],
    },
    {
      uniqueId: 'test.shop.not_null_orders_id.1b2c3d',
      columnName: 'id',
      meta: null,
      testMetadata: {
        name: 'not_null',
        kwargs: { column_name: 'id', model: "{{ ref('orders') }}" },
      },
      parents: [{ uniqueId: 'model.shop.orders', resourceType: 'model' }],
    },
  ],
  semanticModels: [
    {
      uniqueId: 'semantic_model.shop.customers',
      entities: [{ name: 'customer', type: 'primary' }],
      meta: {},
      parents: [{ uniqueId: 'model.shop.customers', resourceType: 'model' }],
    },
    {
      uniqueId: 'semantic_model.shop.orders',
      entities: [
        { name: 'order', type: 'PRIMARY' },
        { name: 'customer', type: 'FOREIGN' },
      ],
      meta: null,
      parents: [{ uniqueId: 'model.shop.orders', resourceType: 'model' }],
    },
  ],
};
