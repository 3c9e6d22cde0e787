import { DiscoveryParent, DiscoveryTest } from './types';

/** A data test as a manifest node: only the fields the ERD engine reads. */
export interface ManifestTestEntry {
  unique_id: string;
  resource_type: 'test';
  column_name: string | null;
  meta: Record<string, unknown>;
  /** Absent for singular tests, which the engine then skips. */
  test_metadata?: { name: string | null; kwargs: Record<string, unknown> };
  depends_on: { nodes: string[] };
  attached_node?: string;
}

const TABLE_RESOURCE_TYPES = ['model', 'seed', 'snapshot', 'source'];

/** Parents that can be ERD tables; dbterd drops every other parent too. */
export function tableParents(
  parents: DiscoveryParent[] | null | undefined,
): string[] {
  const ids = (parents ?? [])
    .filter(parent => {
      const type = parent?.resourceType ?? parent?.uniqueId?.split('.', 1)[0];
      return TABLE_RESOURCE_TYPES.includes(String(type).toLowerCase());
    })
    .map(parent => parent.uniqueId);
  return Array.from(new Set(ids));
}

/** kwargs arrive as a JSON object; tolerate a JSON-encoded string as well. */
function readKwargs(raw: unknown): Record<string, unknown> {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
}

/**
 * The `ref(...)` / `source(...)` spellings dbterd's run-metadata accepts as
 * naming a parent (its `get_table_map_from_metadata`), compared exactly.
 */
function dbterdSpellings(uniqueId: string): string[] {
  const parts = uniqueId.split('.');
  const fn = parts[0] === 'source' ? 'source' : 'ref';
  const second = parts[2];
  const last = parts[parts.length - 1];
  return [
    `${fn}('${second}','${last}')`,
    `${fn}('${last}')`,
    `${fn}("${second}","${last}")`,
    `${fn}("${last}")`,
  ];
}

/**
 * Parents ordered [to, from] the way run-metadata orders them. The engine
 * resolves the ends from `attached_node` and the `model` / `to` kwargs first
 * and only falls back to depends_on order (first = to) when those say
 * nothing, so this order only decides the cases dbterd would guess at too.
 */
function dbterdOrder(parents: string[], to: unknown): string[] {
  if (parents.length !== 2) return parents;
  return dbterdSpellings(parents[0]).includes(String(to ?? ''))
    ? parents
    : [parents[1], parents[0]];
}

export function toManifestTestEntry(test: DiscoveryTest): ManifestTestEntry {
  const parents = tableParents(test.parents);
  const kwargs = readKwargs(test.testMetadata?.kwargs);
  // dbt writes column_name into the kwargs of column tests; fill it from the
  // node's columnName when the API left it out, rather than draw "unknown".
  if (kwargs.column_name === undefined && test.columnName) {
    kwargs.column_name = test.columnName;
  }
  const entry: ManifestTestEntry = {
    unique_id: test.uniqueId,
    resource_type: 'test',
    column_name: test.columnName ?? null,
    meta: test.meta ?? {},
    depends_on: { nodes: dbterdOrder(parents, kwargs.to) },
  };
  if (test.testMetadata) {
    entry.test_metadata = { name: test.testMetadata.name ?? null, kwargs };
  }
  // A generic test is attached to the node it is defined on; with a single
  // table parent that node is certain (self-referencing relationships).
  if (parents.length === 1) entry.attached_node = parents[0];
  return entry;
}
