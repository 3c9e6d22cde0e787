import { stableUuid } from './hashing';
import { coreDbtMacros, packageMacros, projectMacros } from './macros';
import type {
  ColumnSpec,
  GenericTestSpec,
  ModelSpec,
  ProjectSpec,
  SourceTableSpec,
  TargetRef,
} from './projectSpec';

/**
 * "Bean & Bloom", a coffee roaster selling beans online and by subscription:
 * the hand-written demo project behind examples/dbt/target. Small enough to
 * read in full, yet it has every feature the ERD reads: relationships tests
 * (with and without meta), a source test, semantic models, a contract with
 * foreign keys, an exposure, a seed and several schemas.
 */

export const DEMO_PROJECT = 'acme_analytics';

function col(
  name: string,
  type: string,
  description: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec {
  return { name, type, description, ...extra };
}

const model = (name: string): TargetRef => ({ kind: 'model', name });
const shop = (name: string): TargetRef => ({
  kind: 'source',
  sourceName: 'shop',
  name,
});

const TS = 'timestamp without time zone';

function shopSource(
  name: string,
  description: string,
  columns: ColumnSpec[],
  loadedAtField?: string,
): SourceTableSpec {
  return {
    sourceName: 'shop',
    sourceDescription:
      'Replica of the web shop database (Postgres), loaded hourly by Fivetran.',
    name,
    schema: 'raw',
    description,
    loader: 'fivetran',
    ymlPath: 'models/staging/shop/_shop__sources.yml',
    loadedAtField,
    columns,
  };
}

const sources: SourceTableSpec[] = [
  shopSource('customers', 'One row per account created on the web shop.', [
    col('id', 'integer', 'Primary key of the account.'),
    col('first_name', 'text', 'First name as typed at sign-up.'),
    col('last_name', 'text', 'Last name as typed at sign-up.'),
    col('email', 'text', 'Login e-mail address; unique per account.'),
    col(
      'country_code',
      'text',
      'ISO 3166-1 alpha-2 code of the shipping country.',
    ),
    col('created_at', TS, 'When the account was created (UTC).'),
  ]),
  shopSource(
    'orders',
    'One row per checkout, including orders later cancelled or returned.',
    [
      col('id', 'integer', 'Primary key of the order.'),
      col('customer_id', 'integer', 'The account that checked out.'),
      col('ordered_at', TS, 'When the checkout completed (UTC).'),
      col(
        'status',
        'text',
        'Fulfilment state: placed, shipped, completed or returned.',
      ),
      col('shipping_cents', 'integer', 'Shipping fee charged, in cents.'),
      col('_fivetran_synced', TS, 'When Fivetran last wrote the row.'),
    ],
    '_fivetran_synced',
  ),
  shopSource('order_lines', 'One row per product in an order.', [
    col('id', 'integer', 'Primary key of the order line.'),
    col('order_id', 'integer', 'The order the line belongs to.'),
    col('product_id', 'integer', 'The product bought.'),
    col('quantity', 'integer', 'Number of bags bought.'),
    col(
      'unit_price_cents',
      'integer',
      'Price of one bag at checkout, in cents.',
    ),
  ]),
  shopSource('products', 'The catalogue of coffees, one row per bag size.', [
    col('id', 'integer', 'Primary key of the product.'),
    col('name', 'text', 'Name shown in the shop, e.g. "Huila Washed 250g".'),
    col('roast_level', 'text', 'light, medium or dark.'),
    col('origin_country', 'text', 'Country the green coffee comes from.'),
    col('price_cents', 'integer', 'Current list price, in cents.'),
    col('is_active', 'boolean', 'Whether the product can be ordered today.'),
  ]),
  shopSource(
    'subscriptions',
    'Recurring deliveries a customer signed up for.',
    [
      col('id', 'integer', 'Primary key of the subscription.'),
      col('customer_id', 'integer', 'The subscribing account.'),
      col('product_id', 'integer', 'The coffee delivered on each cycle.'),
      col('plan', 'text', 'Delivery rhythm: weekly, fortnightly or monthly.'),
      col('started_at', TS, 'When the first delivery was scheduled.'),
      col(
        'cancelled_at',
        TS,
        'When the customer cancelled; null while active.',
      ),
    ],
  ),
  shopSource(
    'payments',
    'Card and wallet payments captured by the payment provider.',
    [
      col('id', 'integer', 'Primary key of the payment.'),
      col('order_id', 'integer', 'The order paid for.'),
      col('method', 'text', 'card, paypal or gift_card.'),
      col('amount_cents', 'integer', 'Amount captured, in cents.'),
      col('paid_at', TS, 'When the payment was captured (UTC).'),
    ],
  ),
];

function staging(
  name: string,
  from: string,
  description: string,
  columns: ColumnSpec[],
): ModelSpec {
  return {
    name,
    dir: 'staging/shop',
    ymlFile: '_shop__models.yml',
    schema: 'staging',
    materialized: 'view',
    description,
    columns,
    from: shop(from),
  };
}

const models: ModelSpec[] = [
  staging(
    'stg_customers',
    'customers',
    'Shop accounts, renamed and typed. One row per customer.',
    [
      col('customer_id', 'integer', 'Primary key of the customer.', {
        expr: 'customers.id',
      }),
      col('first_name', 'text', 'First name.'),
      col('last_name', 'text', 'Last name.'),
      col('email', 'text', 'Login e-mail address, lower-cased.', {
        expr: 'lower(customers.email)',
      }),
      col('country_code', 'text', 'ISO 3166-1 alpha-2 shipping country.', {
        expr: 'upper(customers.country_code)',
      }),
      col('signed_up_at', TS, 'When the account was created (UTC).', {
        expr: 'customers.created_at',
      }),
    ],
  ),
  staging(
    'stg_orders',
    'orders',
    'Checkouts with amounts in dollars. One row per order.',
    [
      col('order_id', 'integer', 'Primary key of the order.', {
        expr: 'orders.id',
      }),
      col('customer_id', 'integer', 'The customer who placed the order.'),
      col('ordered_at', TS, 'When the order was placed (UTC).'),
      col('status', 'text', 'Fulfilment state of the order.'),
      col('shipping_amount', 'numeric', 'Shipping fee in dollars.', {
        expr: "{{ cents_to_dollars('orders.shipping_cents') }}",
      }),
    ],
  ),
  staging(
    'stg_order_lines',
    'order_lines',
    'Order lines with prices in dollars. One row per product per order.',
    [
      col('order_line_id', 'integer', 'Primary key of the order line.', {
        expr: 'order_lines.id',
      }),
      col('order_id', 'integer', 'The order the line belongs to.'),
      col('product_id', 'integer', 'The product bought.'),
      col('quantity', 'integer', 'Number of bags.'),
      col(
        'unit_price',
        'numeric',
        'Price of one bag at checkout, in dollars.',
        { expr: "{{ cents_to_dollars('order_lines.unit_price_cents') }}" },
      ),
    ],
  ),
  staging(
    'stg_products',
    'products',
    'The coffee catalogue. One row per product.',
    [
      col('product_id', 'integer', 'Primary key of the product.', {
        expr: 'products.id',
      }),
      col('product_name', 'text', 'Name shown in the shop.', {
        expr: 'products.name',
      }),
      col('roast_level', 'text', 'light, medium or dark.'),
      col('origin_country', 'text', 'Country the green coffee comes from.'),
      col('list_price', 'numeric', 'Current list price in dollars.', {
        expr: "{{ cents_to_dollars('products.price_cents') }}",
      }),
      col('is_active', 'boolean', 'Whether the product can be ordered today.'),
    ],
  ),
  staging(
    'stg_subscriptions',
    'subscriptions',
    'Coffee subscriptions. One row per subscription.',
    [
      col('subscription_id', 'integer', 'Primary key of the subscription.', {
        expr: 'subscriptions.id',
      }),
      col('customer_id', 'integer', 'The subscribing customer.'),
      col('product_id', 'integer', 'The coffee delivered on each cycle.'),
      col('plan', 'text', 'Delivery rhythm: weekly, fortnightly or monthly.'),
      col('started_at', TS, 'When the first delivery was scheduled.'),
      col(
        'cancelled_at',
        TS,
        'When the subscription was cancelled; null while active.',
      ),
    ],
  ),
  staging(
    'stg_payments',
    'payments',
    'Captured payments in dollars. One row per payment.',
    [
      col('payment_id', 'integer', 'Primary key of the payment.', {
        expr: 'payments.id',
      }),
      col('order_id', 'integer', 'The order paid for.'),
      col('payment_method', 'text', 'card, paypal or gift_card.', {
        expr: 'payments.method',
      }),
      col('amount', 'numeric', 'Amount captured, in dollars.', {
        expr: "{{ cents_to_dollars('payments.amount_cents') }}",
      }),
      col('paid_at', TS, 'When the payment was captured (UTC).'),
    ],
  ),
  {
    name: 'dim_customers',
    dir: 'marts/core',
    ymlFile: '_core__models.yml',
    schema: 'marts',
    materialized: 'table',
    // A Backstage group (README "Catalog links").
    meta: { owner: 'data-platform' },
    description:
      'Customers with their country and region, for slicing every other mart. One row per customer.',
    from: model('stg_customers'),
    joins: [
      {
        target: { kind: 'seed', name: 'country_codes' },
        column: 'country_code',
        targetColumn: 'country_code',
      },
    ],
    columns: [
      col('customer_id', 'integer', 'Primary key of the customer.'),
      col('full_name', 'text', 'First and last name.', {
        expr: "customers.first_name || ' ' || customers.last_name",
      }),
      col('email', 'text', 'Login e-mail address.'),
      col('country_code', 'text', 'ISO 3166-1 alpha-2 shipping country.'),
      col('country_name', 'text', 'English name of the shipping country.', {
        expr: 'country_codes.country_name',
      }),
      col('region', 'text', 'Sales region the country belongs to.', {
        expr: 'country_codes.region',
      }),
      col('signed_up_at', TS, 'When the account was created (UTC).'),
    ],
  },
  {
    name: 'dim_products',
    dir: 'marts/core',
    ymlFile: '_core__models.yml',
    schema: 'marts',
    materialized: 'table',
    description: 'The coffees on sale and retired. One row per product.',
    from: model('stg_products'),
    columns: [
      col('product_id', 'integer', 'Primary key of the product.'),
      col('product_name', 'text', 'Name shown in the shop.'),
      col('roast_level', 'text', 'light, medium or dark.'),
      col('origin_country', 'text', 'Country the green coffee comes from.'),
      col('list_price', 'numeric', 'Current list price in dollars.'),
      col('is_active', 'boolean', 'Whether the product can be ordered today.'),
    ],
  },
  {
    name: 'fct_orders',
    dir: 'marts/core',
    ymlFile: '_core__models.yml',
    schema: 'marts',
    materialized: 'table',
    description:
      'Orders with what was paid for them. One row per order; the shop takes one payment per order.',
    from: model('stg_orders'),
    joins: [
      {
        target: model('stg_payments'),
        column: 'order_id',
        targetColumn: 'order_id',
      },
    ],
    columns: [
      col('order_id', 'integer', 'Primary key of the order.'),
      col('customer_id', 'integer', 'The customer who placed the order.'),
      col('ordered_at', TS, 'When the order was placed (UTC).'),
      col('status', 'text', 'Fulfilment state of the order.'),
      col('shipping_amount', 'numeric', 'Shipping fee in dollars.'),
      col(
        'amount_paid',
        'numeric',
        'Amount captured for the order, in dollars.',
        { expr: 'coalesce(payments.amount, 0)' },
      ),
      col(
        'payment_method',
        'text',
        'card, paypal or gift_card; null if unpaid.',
        { expr: 'payments.payment_method' },
      ),
    ],
  },
  {
    name: 'fct_order_lines',
    dir: 'marts/core',
    ymlFile: '_core__models.yml',
    schema: 'marts',
    materialized: 'table',
    description:
      'Every bag sold, with its line total. One row per order line; contract-enforced so downstream tools can trust its keys.',
    from: model('stg_order_lines'),
    contractEnforced: true,
    meta: { relationship_labels: { fk_order_line_product: 'contains' } },
    constraints: [
      {
        type: 'primary_key',
        name: 'pk_fct_order_lines',
        columns: ['order_line_id'],
      },
    ],
    columns: [
      col('order_line_id', 'integer', 'Primary key of the order line.', {
        dataType: 'integer',
        constraints: [{ type: 'not_null' }],
      }),
      col('order_id', 'integer', 'The order the line belongs to.', {
        dataType: 'integer',
        constraints: [
          { type: 'not_null' },
          {
            type: 'foreign_key',
            name: 'fk_order_line_order',
            to: model('fct_orders'),
            toColumns: ['order_id'],
          },
        ],
      }),
      col('product_id', 'integer', 'The product bought.', {
        dataType: 'integer',
        constraints: [
          {
            type: 'foreign_key',
            name: 'fk_order_line_product',
            to: model('dim_products'),
            toColumns: ['product_id'],
          },
        ],
      }),
      col('quantity', 'integer', 'Number of bags.', { dataType: 'integer' }),
      col(
        'unit_price',
        'numeric',
        'Price of one bag at checkout, in dollars.',
        { dataType: 'numeric(12,2)' },
      ),
      col('line_total', 'numeric', 'quantity times unit_price, in dollars.', {
        dataType: 'numeric(12,2)',
        expr: 'order_lines.quantity * order_lines.unit_price',
      }),
    ],
  },
  {
    name: 'fct_subscriptions',
    dir: 'marts/core',
    ymlFile: '_core__models.yml',
    schema: 'marts',
    materialized: 'table',
    description:
      'Subscriptions with whether they are still running. One row per subscription.',
    from: model('stg_subscriptions'),
    columns: [
      col('subscription_id', 'integer', 'Primary key of the subscription.'),
      col('customer_id', 'integer', 'The subscribing customer.'),
      col('product_id', 'integer', 'The coffee delivered on each cycle.'),
      col('plan', 'text', 'Delivery rhythm: weekly, fortnightly or monthly.'),
      col('started_at', TS, 'When the first delivery was scheduled.'),
      col(
        'cancelled_at',
        TS,
        'When the subscription was cancelled; null while active.',
      ),
      col('is_active', 'boolean', 'True until the subscription is cancelled.', {
        expr: 'subscriptions.cancelled_at is null',
      }),
    ],
  },
  {
    name: 'customer_lifetime_value',
    dir: 'marts/finance',
    ymlFile: '_finance__models.yml',
    schema: 'finance',
    materialized: 'table',
    description:
      'What each customer has spent so far. One row per customer with at least one order.',
    from: model('fct_orders'),
    groupBy: ['customer_id'],
    columns: [
      col('customer_id', 'integer', 'The customer; one row each.'),
      col('first_ordered_at', TS, 'When the customer first ordered.', {
        expr: 'min(orders.ordered_at)',
      }),
      col('last_ordered_at', TS, 'When the customer last ordered.', {
        expr: 'max(orders.ordered_at)',
      }),
      col('order_count', 'bigint', 'Number of orders placed.', {
        expr: 'count(*)',
      }),
      col('lifetime_revenue', 'numeric', 'Sum of amounts paid, in dollars.', {
        expr: 'sum(orders.amount_paid)',
      }),
    ],
  },
  {
    name: 'fct_daily_revenue',
    dir: 'marts/finance',
    ymlFile: '_finance__models.yml',
    schema: 'finance',
    materialized: 'incremental',
    uniqueKey: 'order_date',
    description:
      'Revenue and order count per calendar day (UTC), for the weekly revenue dashboard.',
    from: model('fct_orders'),
    groupBy: ['order_date'],
    where: "orders.status <> 'returned'",
    columns: [
      col('order_date', 'date', 'Calendar day the orders were placed (UTC).', {
        expr: "date_trunc('day', orders.ordered_at)::date",
      }),
      col(
        'order_count',
        'bigint',
        'Orders placed that day, returns excluded.',
        { expr: 'count(*)' },
      ),
      col('revenue', 'numeric', 'Amount paid that day, in dollars.', {
        expr: 'sum(orders.amount_paid)',
      }),
    ],
  },
];

function keyTests(on: TargetRef, column: string): GenericTestSpec[] {
  return [
    { test: 'not_null', on, column },
    { test: 'unique', on, column },
  ];
}

function relationship(
  on: string,
  column: string,
  to: TargetRef,
  field: string,
  meta?: Record<string, unknown>,
): GenericTestSpec {
  return { test: 'relationships', on: model(on), column, to, field, meta };
}

// Grouped by YAML file, then by model, as dbt parses them.
const tests: GenericTestSpec[] = [
  ...keyTests(model('stg_customers'), 'customer_id'),
  ...keyTests(model('stg_orders'), 'order_id'),
  {
    test: 'accepted_values',
    on: model('stg_orders'),
    column: 'status',
    values: ['placed', 'shipped', 'completed', 'returned'],
  },
  relationship(
    'stg_orders',
    'customer_id',
    model('stg_customers'),
    'customer_id',
  ),
  ...keyTests(model('stg_order_lines'), 'order_line_id'),
  relationship('stg_order_lines', 'order_id', model('stg_orders'), 'order_id'),
  relationship(
    'stg_order_lines',
    'product_id',
    model('stg_products'),
    'product_id',
  ),
  ...keyTests(model('stg_products'), 'product_id'),
  ...keyTests(model('stg_subscriptions'), 'subscription_id'),
  relationship(
    'stg_subscriptions',
    'customer_id',
    model('stg_customers'),
    'customer_id',
  ),
  ...keyTests(model('stg_payments'), 'payment_id'),
  relationship('stg_payments', 'order_id', model('stg_orders'), 'order_id'),
  ...keyTests(model('dim_customers'), 'customer_id'),
  relationship(
    'dim_customers',
    'country_code',
    { kind: 'seed', name: 'country_codes' },
    'country_code',
  ),
  ...keyTests(model('dim_products'), 'product_id'),
  {
    test: 'accepted_values',
    on: model('dim_products'),
    column: 'roast_level',
    values: ['light', 'medium', 'dark'],
  },
  ...keyTests(model('fct_orders'), 'order_id'),
  { test: 'not_null', on: model('fct_orders'), column: 'customer_id' },
  relationship(
    'fct_orders',
    'customer_id',
    model('dim_customers'),
    'customer_id',
    {
      relationship_type: 'many-to-one',
      relationship_label: 'placed by',
    },
  ),
  ...keyTests(model('fct_order_lines'), 'order_line_id'),
  ...keyTests(model('fct_subscriptions'), 'subscription_id'),
  relationship(
    'fct_subscriptions',
    'customer_id',
    model('dim_customers'),
    'customer_id',
    {
      relationship_type: 'many-to-one',
    },
  ),
  relationship(
    'fct_subscriptions',
    'product_id',
    model('dim_products'),
    'product_id',
  ),
  ...keyTests(model('customer_lifetime_value'), 'customer_id'),
  relationship(
    'customer_lifetime_value',
    'customer_id',
    model('dim_customers'),
    'customer_id',
    {
      relationship_type: 'one-to-one',
    },
  ),
  ...keyTests(model('fct_daily_revenue'), 'order_date'),
  // Tests on sources: dbt leaves their attached_node null.
  ...keyTests(shop('customers'), 'id'),
  {
    test: 'relationships',
    on: shop('orders'),
    column: 'customer_id',
    to: shop('customers'),
    field: 'id',
  },
];

const OVERVIEW = `## Bean & Bloom analytics

Models for the Bean & Bloom coffee shop: raw shop data lands in \`raw\`, is
cleaned up one table at a time in \`staging\`, and becomes facts and dimensions
in \`marts\`. Finance-owned rollups live in \`finance\`.

Questions go to #data-team.`;

/** The demo project as a spec; the same every time. */
export function demoProjectSpec(): ProjectSpec {
  return {
    name: DEMO_PROJECT,
    database: 'acme',
    targetSchema: 'analytics',
    adapter: 'postgres',
    dbtVersion: '1.8.7',
    generatedAt: '2025-03-14T09:26:53.589793Z',
    invocationId: stableUuid(`${DEMO_PROJECT}:demo`),
    foreignKeyTo: 'ref',
    sources,
    seeds: [
      {
        name: 'country_codes',
        schema: 'seeds',
        description:
          'ISO 3166-1 countries with the sales region each belongs to. Maintained by hand.',
        csvPath: 'seeds/country_codes.csv',
        columns: [
          col('country_code', 'text', 'ISO 3166-1 alpha-2 code.'),
          col('country_name', 'text', 'English short name.'),
          col('region', 'text', 'Sales region: EMEA, AMER or APAC.'),
        ],
      },
    ],
    models,
    tests,
    semanticModels: [
      {
        name: 'orders',
        model: 'fct_orders',
        description: 'Orders and what was paid for them.',
        aggTimeDimension: 'ordered_at',
        entities: [
          { name: 'order', type: 'primary', expr: 'order_id' },
          { name: 'customer', type: 'foreign', expr: 'customer_id' },
        ],
        dimensions: [
          { name: 'ordered_at', type: 'time', expr: 'ordered_at' },
          { name: 'status', type: 'categorical' },
          { name: 'payment_method', type: 'categorical' },
        ],
        measures: [
          {
            name: 'order_count',
            agg: 'sum',
            expr: '1',
            description: 'Number of orders.',
          },
          {
            name: 'revenue',
            agg: 'sum',
            expr: 'amount_paid',
            description: 'Amount paid, in dollars.',
          },
        ],
      },
      {
        name: 'customers',
        model: 'dim_customers',
        description: 'Customers by country and region.',
        aggTimeDimension: 'signed_up_at',
        entities: [{ name: 'customer', type: 'primary', expr: 'customer_id' }],
        dimensions: [
          { name: 'signed_up_at', type: 'time', expr: 'signed_up_at' },
          { name: 'region', type: 'categorical' },
        ],
        measures: [
          {
            name: 'customer_count',
            agg: 'count_distinct',
            expr: 'customer_id',
            description: 'Number of customers.',
          },
        ],
      },
      {
        name: 'subscriptions',
        model: 'fct_subscriptions',
        description: 'Coffee subscriptions, active and cancelled.',
        aggTimeDimension: 'started_at',
        entities: [
          { name: 'subscription', type: 'primary', expr: 'subscription_id' },
          { name: 'customer', type: 'foreign', expr: 'customer_id' },
          { name: 'product', type: 'foreign', expr: 'product_id' },
        ],
        dimensions: [
          { name: 'started_at', type: 'time', expr: 'started_at' },
          { name: 'plan', type: 'categorical' },
        ],
        measures: [
          {
            name: 'active_subscriptions',
            agg: 'sum',
            expr: 'case when is_active then 1 else 0 end',
            description: 'Subscriptions not cancelled.',
          },
        ],
      },
    ],
    metrics: [
      {
        name: 'revenue',
        label: 'Revenue',
        description: 'Amount paid for orders, in dollars.',
        measure: 'revenue',
        semanticModel: 'orders',
      },
      {
        name: 'order_count',
        label: 'Orders',
        description: 'Number of orders placed.',
        measure: 'order_count',
        semanticModel: 'orders',
      },
      {
        name: 'customer_count',
        label: 'Customers',
        description: 'Number of distinct customers.',
        measure: 'customer_count',
        semanticModel: 'customers',
      },
      {
        name: 'active_subscriptions',
        label: 'Active subscriptions',
        description: 'Subscriptions that have not been cancelled.',
        measure: 'active_subscriptions',
        semanticModel: 'subscriptions',
      },
    ],
    exposures: [
      {
        name: 'weekly_revenue_dashboard',
        label: 'Weekly revenue',
        type: 'dashboard',
        maturity: 'high',
        url: 'https://bi.acme.example/dashboards/weekly-revenue',
        description:
          'Revenue, orders and new customers per week and region; reviewed every Monday.',
        owner: { name: 'Mara Okafor', email: 'mara.okafor@acme.example' },
        // The catalog entity the dashboard belongs to (README "Catalog links").
        meta: { backstage_entity: 'system:default/analytics' },
        dependsOn: [
          model('fct_daily_revenue'),
          model('fct_orders'),
          model('dim_customers'),
        ],
        ymlPath: 'models/marts/_exposures.yml',
      },
    ],
    unitTests: [
      {
        name: 'test_lifetime_revenue_sums_paid_amounts',
        model: 'customer_lifetime_value',
        description:
          "Lifetime revenue adds up what was paid across all of a customer's orders.",
        given: [
          {
            input: model('fct_orders'),
            rows: [
              { order_id: 1, customer_id: 7, amount_paid: 18.5 },
              { order_id: 2, customer_id: 7, amount_paid: 21 },
            ],
          },
        ],
        expect: [{ customer_id: 7, order_count: 2, lifetime_revenue: 39.5 }],
      },
    ],
    macros: () => [
      ...coreDbtMacros(),
      ...packageMacros(24, 7),
      ...projectMacros(DEMO_PROJECT),
    ],
    docs: [
      {
        packageName: 'dbt',
        name: '__overview__',
        path: 'docs/overview.md',
        contents:
          '### Welcome!\n\nThis is the auto-generated documentation for your dbt project.',
      },
      {
        packageName: DEMO_PROJECT,
        name: '__overview__',
        path: 'models/overview.md',
        contents: OVERVIEW,
      },
    ],
    inlineMacros: {
      cents_to_dollars: ([column]) => `(${column} / 100)::numeric(16, 2)`,
    },
  };
}
