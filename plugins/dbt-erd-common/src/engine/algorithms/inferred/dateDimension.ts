import { IndexedNode } from '../../artifacts/types';
import { ErdTableKey } from '../../types';
import { columnEntity, tableEntity } from './entityNames';

/** Entities a date dimension is named after (`dim_date`, `calendar`, `dates`, `dim_day`). */
const DATE_ENTITIES = new Set(['date', 'calendar', 'day', 'date_spine']);

/** Fact tables by their layer prefix: the tables a Kimball date dimension is joined from. */
const FACT_LAYER = /^(fct|fact|f)_/;

/** A column typed as a calendar day (not a timestamp: its grain is finer than the dimension's). */
export function isDateTyped(dataType: string): boolean {
  return dataType === 'date' || dataType.startsWith('date ');
}

export function isFactTable(node: IndexedNode): boolean {
  return FACT_LAYER.test(node.name.toLowerCase());
}

export interface DateDimension {
  nodeId: string;
  name: string;
  /** Its key of type `date`: named after the dimension (`date_key`), else its first stated one. */
  column: string;
}

/**
 * Date dimensions of the project: a table named after dates whose stated
 * one-column key is typed `date`. A fact's `date` columns join it on that
 * key (the role-playing dates of a star schema: ordered, shipped, last seen).
 * `entityOf` gives each node's tableEntity, when the caller already has it.
 */
export function findDateDimensions(
  nodes: IndexedNode[],
  keys: Map<string, ErdTableKey[]>,
  entityOf: (node: IndexedNode) => string = node => tableEntity(node.name),
): DateDimension[] {
  const found: DateDimension[] = [];
  for (const node of nodes) {
    const entity = entityOf(node);
    if (!DATE_ENTITIES.has(entity)) continue;
    const dates = node.columns.filter(c => isDateTyped(c.dataType));
    const named = dates.find(c => columnEntity(c.name) === entity);
    const stated = (keys.get(node.uniqueId) ?? []).find(
      k => k.columns.length === 1 && dates.some(c => c.name === k.columns[0]),
    );
    const column = named?.name ?? stated?.columns[0];
    if (column) found.push({ nodeId: node.uniqueId, name: node.name, column });
  }
  return found;
}
