import { bareColumnName, columnEntity } from './entityNames';

/** What a column's name says, worked out once per distinct name. */
export interface ColumnNameFacts {
  /** The entity the name points at (`customer_id` -> `customer`); see columnEntity. */
  entity: string | null;
  /** The column itself, then its role-prefixes dropped (two words at least), then `id`. */
  keyColumnNames: string[];
  /**
   * The bare name (see bareColumnName), then its role-playing prefixes
   * dropped: `pickup_location_id`, then `location_id`.
   */
  bareSuffixes: string[];
}

function keyColumnNames(column: string): string[] {
  const words = column.split('_');
  const names = words.slice(0, -1).map((_, i) => words.slice(i).join('_'));
  return [
    ...new Set([
      ...names.filter(n => n.includes('_') || n === column),
      column,
      'id',
    ]),
  ];
}

function bareSuffixes(column: string): string[] {
  const words = bareColumnName(column).split('_');
  const suffixes: string[] = [];
  for (let start = 0; start < words.length - 1 || start === 0; start++)
    suffixes.push(words.slice(start).join('_'));
  return suffixes;
}

/**
 * Column names repeat across a project's tables (`customer_id`,
 * `created_at` on hundreds of them), and every column of every table is
 * matched: the regular expressions and splits run once per distinct name.
 */
export class ColumnNameFactsCache {
  private readonly byName = new Map<string, ColumnNameFacts>();

  of(column: string): ColumnNameFacts {
    let facts = this.byName.get(column);
    if (!facts) {
      facts = {
        entity: columnEntity(column),
        keyColumnNames: keyColumnNames(column),
        bareSuffixes: bareSuffixes(column),
      };
      this.byName.set(column, facts);
    }
    return facts;
  }
}
