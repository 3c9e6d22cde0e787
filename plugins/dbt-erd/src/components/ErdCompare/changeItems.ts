import { ErdNode } from 'backstage-plugin-dbt-erd-common';
import { EntityErdDiff } from '../../api';
import { shortName } from '../../graph/shortName';
import { DiffStatus } from './diffMarks';

/** One line of the change list: what changed, in words, and the table to focus. */
export interface ChangeItem {
  status: DiffStatus;
  kind: 'table' | 'relationship';
  text: string;
  /** Why, or the column changes. */
  detail?: string;
  tableId: string;
}

type Ends = {
  from_id: string;
  to_id: string;
  from_columns: string[];
  to_columns: string[];
};

const columnChange = (c: { name: string; from: object; to: object }) =>
  `${c.name}: ${Object.entries(c.from)
    .map(
      ([field, value]) =>
        `${field} ${String(value)} → ${String(
          (c.to as Record<string, unknown>)[field],
        )}`,
    )
    .join(', ')}`;

/** The diff as list items, removed first, then changed, then added (as erd-diff.md orders them). */
export function changeItems(
  diff: EntityErdDiff,
  nodes: ReadonlyMap<string, ErdNode>,
): ChangeItem[] {
  const name = (id: string) => {
    const node = nodes.get(id);
    return node ? shortName(node) : id.split('.').pop() ?? id;
  };
  const ends = (e: Ends) =>
    `${name(e.from_id)}.${e.from_columns.join(', ')} → ${name(
      e.to_id,
    )}.${e.to_columns.join(', ')}`;
  const items: ChangeItem[] = [];
  for (const id of diff.tables.removed) {
    items.push({
      status: 'removed',
      kind: 'table',
      text: name(id),
      tableId: id,
    });
  }
  for (const e of diff.relationships.removed) {
    items.push({
      status: 'removed',
      kind: 'relationship',
      text: ends(e),
      detail: e.why.text,
      tableId: e.from_id,
    });
  }
  for (const change of diff.tables.changed) {
    const parts = [
      ...change.columns.added.map(c => `+ ${c}`),
      ...change.columns.removed.map(c => `− ${c}`),
      ...change.columns.changed.map(columnChange),
      ...Object.keys(change.from).map(field => `${field} changed`),
    ];
    items.push({
      status: 'changed',
      kind: 'table',
      text: name(change.id),
      detail: parts.join('; '),
      tableId: change.id,
    });
  }
  for (const e of diff.relationships.changed) {
    items.push({
      status: 'changed',
      kind: 'relationship',
      text: ends(e),
      detail: e.why.text,
      tableId: e.from_id,
    });
  }
  for (const id of diff.tables.added) {
    items.push({ status: 'added', kind: 'table', text: name(id), tableId: id });
  }
  for (const e of diff.relationships.added) {
    items.push({
      status: 'added',
      kind: 'relationship',
      text: ends(e),
      tableId: e.from_id,
    });
  }
  return items;
}
