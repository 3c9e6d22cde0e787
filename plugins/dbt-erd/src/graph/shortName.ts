import { ErdNode } from 'backstage-plugin-dbt-erd-common';

/**
 * The name people use for a table: the model (or source table) name at the
 * end of its dbt id, with a model version kept
 * (`model.shop.orders.v2` is `orders.v2`). The dbterd name (`node.name`)
 * and the id stay for exports, tooltips and the drawer.
 */
export function shortName(node: Pick<ErdNode, 'id' | 'name'>): string {
  const parts = node.id.split('.');
  if (parts.length < 3) return node.name;
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 3
    ? `${parts[parts.length - 2]}.${last}`
    : last;
}
