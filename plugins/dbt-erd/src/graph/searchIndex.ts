import { Erd } from 'backstage-plugin-dbt-erd-common';
import { shortName } from './shortName';

/** One thing the search can find: a table, or a column of a table. */
export interface SearchEntry {
  kind: 'table' | 'column';
  tableId: string;
  /** The table's short name (see shortName). */
  tableName: string;
  column?: string;
  /** What the result list shows first: the table's short name, or the column's name. */
  label: string;
  /** Shown after the label: the dbt id of a table, the short name of a column's table. */
  detail: string;
  /** Lower-cased text matched against. */
  key: string;
}

export type SearchIndex = SearchEntry[];

export function buildSearchIndex(erd: Erd): SearchIndex {
  const entries: SearchIndex = [];
  for (const node of erd.nodes) {
    // The short name is what people type; the dbterd name still matches.
    const name = shortName(node);
    entries.push({
      kind: 'table',
      tableId: node.id,
      tableName: name,
      label: name,
      detail: node.id,
      key: `${name} ${node.name} ${node.label ?? ''}`.toLowerCase(),
    });
    for (const column of node.columns) {
      entries.push({
        kind: 'column',
        tableId: node.id,
        tableName: name,
        column: column.name,
        label: column.name,
        detail: name,
        key: column.name.toLowerCase(),
      });
    }
  }
  return entries;
}

/** Lower is better: exact, then word/name prefix, then substring. */
function rank(entry: SearchEntry, query: string): number {
  const at = entry.key.indexOf(query);
  if (at < 0) return -1;
  const tableBonus = entry.kind === 'table' ? 0 : 1;
  if (entry.key === query || entry.key.startsWith(`${query} `))
    return tableBonus;
  const previous = entry.key[at - 1];
  if (at === 0 || previous === '.' || previous === '_' || previous === ' ') {
    return 2 + tableBonus;
  }
  return 4 + tableBonus;
}

/**
 * Tables and columns matching every whitespace-separated term of `query`
 * (case-insensitive), best first. A linear scan: 5,000 tables with 20
 * columns each is 100k short strings, a few milliseconds.
 */
export function searchErd(
  index: SearchIndex,
  query: string,
  limit = 20,
): SearchEntry[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return [];
  const scored: Array<{ entry: SearchEntry; score: number }> = [];
  for (const entry of index) {
    let score = 0;
    // A column needs a term of its own: "orders" lists the table, not all its columns.
    let ownMatch = entry.kind === 'table';
    for (const term of terms) {
      const r = rank(entry, term);
      // a column entry also matches on its table name, "orders id"
      const viaTable =
        r < 0 &&
        entry.kind === 'column' &&
        entry.tableName.toLowerCase().includes(term)
          ? 6
          : r;
      if (viaTable < 0) {
        score = -1;
        break;
      }
      if (r >= 0) ownMatch = true;
      score += viaTable;
    }
    if (score >= 0 && ownMatch) scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.entry.label.length - b.entry.label.length ||
      a.entry.label.localeCompare(b.entry.label) ||
      a.entry.detail.localeCompare(b.entry.detail),
  );
  return scored.slice(0, limit).map(s => s.entry);
}
