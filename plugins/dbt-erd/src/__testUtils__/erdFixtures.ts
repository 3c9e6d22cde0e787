import {
  Cardinality,
  Erd,
  ErdColumn,
  ErdEdge,
  ErdNode,
} from 'backstage-plugin-dbt-erd-common';
import { EntityErd } from '../api';

export const column = (
  name: string,
  keys: {
    pk?: boolean;
    fk?: boolean;
    type?: string;
    description?: string;
  } = {},
): ErdColumn => ({
  name,
  data_type: keys.type ?? 'text',
  description: keys.description ?? null,
  is_primary_key: !!keys.pk,
  is_foreign_key: !!keys.fk,
});

export const table = (
  name: string,
  columns: ErdColumn[],
  extra: Partial<ErdNode> = {},
): ErdNode => ({
  id: `model.shop.${name}`,
  name: `model.shop.${name}`,
  label: null,
  description: null,
  resource_type: 'model',
  schema_name: 'marts',
  database: 'analytics',
  columns,
  compiled_sql: null,
  ...extra,
});

export const relationship = (
  from: string,
  fromColumn: string,
  to: string,
  toColumn: string,
  cardinality: Cardinality = 'n1',
): ErdEdge => ({
  id: `test.shop.relationships_${from}_${fromColumn}__${to}`,
  from_id: `model.shop.${from}`,
  to_id: `model.shop.${to}`,
  from_columns: [fromColumn],
  to_columns: [toColumn],
  relationship_type: 'fk',
  name: `test.shop.relationships_${from}_${fromColumn}`,
  label: null,
  cardinality,
});

/**
 * A small shop: orders → customers, order_items → orders and products,
 * payments → orders, plus an unrelated staging table in another schema.
 */
export function shopErd(): EntityErd {
  const erd: Erd = {
    nodes: [
      table(
        'customers',
        [column('customer_id', { pk: true }), column('name')],
        {
          description: 'One row per customer',
        },
      ),
      table('orders', [
        column('order_id', { pk: true, type: 'integer' }),
        column('customer_id', { fk: true, type: 'integer' }),
        column('ordered_at', {
          type: 'timestamp',
          description: 'When the order was placed',
        }),
      ]),
      table('order_items', [
        column('order_item_id', { pk: true }),
        column('order_id', { fk: true }),
        column('product_id', { fk: true }),
      ]),
      table('products', [column('product_id', { pk: true }), column('price')]),
      table('payments', [
        column('payment_id', { pk: true }),
        column('order_id', { fk: true }),
      ]),
      table('stg_events', [column('event_id'), column('payload')], {
        schema_name: 'staging',
      }),
    ],
    edges: [
      relationship('orders', 'customer_id', 'customers', 'customer_id'),
      relationship('order_items', 'order_id', 'orders', 'order_id'),
      relationship('order_items', 'product_id', 'products', 'product_id'),
      relationship('payments', 'order_id', 'orders', 'order_id', '11'),
    ],
    metadata: {
      generated_at: '2026-01-01T00:00:00Z',
      dbt_project_name: 'shop',
      dbterd_version: '1.0',
    },
  };
  return {
    ...erd,
    source: {
      kind: 'dbt-cloud-job',
      name: 'main',
      jobId: 42,
      runId: 1001,
      finishedAt: '2026-01-02T03:04:05Z',
      url: 'https://cloud.getdbt.com/deploy/1/projects/2/runs/1001',
    },
    warnings: [],
  };
}

/**
 * The shop with the demo project's catalog link: the
 * `weekly_revenue_dashboard` exposure, which names `system:default/analytics`
 * in its `meta.backstage_entity`, depends on orders and customers (as the
 * engine links them, in each table's details).
 */
export function shopErdWithExposure(): EntityErd {
  const erd = shopErd();
  const link = {
    entityRef: 'system:default/analytics',
    via: 'weekly_revenue_dashboard',
  };
  const nodeDetails: NonNullable<Erd['extras']>['nodeDetails'] = {};
  for (const node of erd.nodes) {
    const uses = ['orders', 'customers'].some(
      name => node.id === `model.shop.${name}`,
    );
    nodeDetails[node.id] = {
      packageName: 'shop',
      relationName: null,
      exposures: uses ? [link.via] : [],
      ...(uses && { exposureEntities: [link] }),
    };
  }
  return { ...erd, extras: { nodeDetails } };
}

/** A synthetic project: `tables` tables over `schemas` schemas, each table referencing up to two earlier ones. */
export function syntheticErd(tables: number, schemas = 8): EntityErd {
  const nodes: ErdNode[] = [];
  const edges: ErdEdge[] = [];
  for (let i = 0; i < tables; i++) {
    const name = `t${i}`;
    const columns = [column('id', { pk: true })];
    for (let c = 0; c < 8; c++) columns.push(column(`attr_${c}`));
    const parents = [Math.floor(i / 2) - 1, Math.floor(i / 3) - 2].filter(
      p => p >= 0 && p < i,
    );
    parents.forEach(p => {
      columns.push(column(`t${p}_id`, { fk: true }));
      edges.push(relationship(name, `t${p}_id`, `t${p}`, 'id'));
    });
    nodes.push(table(name, columns, { schema_name: `schema_${i % schemas}` }));
  }
  return {
    nodes,
    edges,
    metadata: {
      generated_at: '2026-01-01T00:00:00Z',
      dbt_project_name: 'big',
      dbterd_version: '1.0',
    },
    source: { kind: 'local', name: 'big' },
    warnings: [],
  };
}
