import { ErdInputError } from '../errors';
import { DiffedErds } from './targets/types';
import { ColumnChange, ErdDiff } from './types';

/** Kinds of change a CI gate can refuse (`dbt-erd diff --fail-on`). */
export const DIFF_GATE_KINDS = [
  'relationship-removed',
  'table-removed',
  'column-removed',
  'key-changed',
] as const;

export type DiffGateKind = (typeof DIFF_GATE_KINDS)[number];

/** Reads `relationship-removed,table-removed`; throws ErdInputError naming an unknown kind. */
export function parseDiffGateKinds(value: string): DiffGateKind[] {
  const kinds = value
    .split(',')
    .map(kind => kind.trim())
    .filter(kind => kind.length > 0);
  const unknown = kinds.filter(
    kind => !(DIFF_GATE_KINDS as readonly string[]).includes(kind),
  );
  if (unknown.length > 0) {
    throw new ErdInputError(
      `unknown change kind ${unknown
        .map(k => `"${k}"`)
        .join(', ')}; use a comma-separated list of ${DIFF_GATE_KINDS.join(
        ', ',
      )}`,
    );
  }
  return [...new Set(kinds as DiffGateKind[])];
}

function isKeyColumn(change: ColumnChange): boolean {
  return [change.from, change.to].some(
    side => side.is_primary_key === true || side.is_foreign_key === true,
  );
}

/**
 * A key column changed: it became or stopped being a key, or a column that
 * is a key (flagged, or an end of a relationship) changed type.
 */
function keyChanged(
  change: ColumnChange,
  keyColumns: ReadonlySet<string>,
): boolean {
  if (isKeyColumn(change)) return true;
  return 'data_type' in change.to && keyColumns.has(change.name);
}

/** `table id` → its key columns on either side: PK/FK flags and relationship ends. */
function keyColumnsOf(erds: DiffedErds): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (tableId: string, columns: string[]) => {
    const set = keys.get(tableId) ?? new Set<string>();
    columns.forEach(c => set.add(c));
    keys.set(tableId, set);
  };
  for (const erd of [erds.base, erds.head]) {
    for (const node of erd.nodes) {
      add(
        node.id,
        node.columns
          .filter(c => c.is_primary_key || c.is_foreign_key)
          .map(c => c.name),
      );
    }
    for (const edge of erd.edges) {
      add(edge.from_id, edge.from_columns);
      add(edge.to_id, edge.to_columns);
    }
  }
  return keys;
}

/**
 * Every change of the given kinds, one line each, naming it; empty when the
 * gate passes. `erds` are the two ERDs the diff was taken from.
 */
export function findGatedChanges(
  diff: ErdDiff,
  kinds: readonly DiffGateKind[],
  erds: DiffedErds,
): string[] {
  const keyColumns = keyColumnsOf(erds);
  const found: string[] = [];
  const wanted = new Set(kinds);
  if (wanted.has('table-removed')) {
    diff.tables.removed.forEach(id => found.push(`table removed: ${id}`));
  }
  if (wanted.has('column-removed')) {
    for (const table of diff.tables.changed) {
      table.columns.removed.forEach(name =>
        found.push(`column removed: ${table.id}.${name}`),
      );
    }
  }
  if (wanted.has('key-changed')) {
    for (const table of diff.tables.changed) {
      const keys = keyColumns.get(table.id) ?? new Set<string>();
      table.columns.changed
        .filter(change => keyChanged(change, keys))
        .forEach(change =>
          found.push(`key changed: ${table.id}.${change.name}`),
        );
    }
  }
  if (wanted.has('relationship-removed')) {
    diff.relationships.removed.forEach(edge =>
      found.push(`relationship removed: ${edge.key} (${edge.why.text})`),
    );
  }
  return found;
}
