import { ErdInputError } from '../errors';
import { Erd } from '../types';
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
 * is a key on both sides changed type.
 */
function keyChanged(
  change: ColumnChange,
  keyColumns: ReadonlySet<string>,
): boolean {
  if (isKeyColumn(change)) return true;
  return 'data_type' in change.to && keyColumns.has(change.name);
}

/**
 * Every change of the given kinds, one line each, naming it; empty when the
 * gate passes. `head` is the ERD the diff's head side was taken from.
 */
export function findGatedChanges(
  diff: ErdDiff,
  kinds: readonly DiffGateKind[],
  head: Erd,
): string[] {
  const keyColumns = new Map(
    head.nodes.map(node => [
      node.id,
      new Set(
        node.columns
          .filter(c => c.is_primary_key || c.is_foreign_key)
          .map(c => c.name),
      ),
    ]),
  );
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
