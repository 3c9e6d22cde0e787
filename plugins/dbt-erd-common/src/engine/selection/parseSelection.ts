import { parseCriterion } from './parseCriterion';
import { SelectionExpression } from './selectorSyntax';

/**
 * A CLI-style selection as dbt's `--select` reads it: space-separated
 * terms are a union, comma-separated parts of one term an intersection.
 */
export function parseSelection(
  text: string,
  where: string,
): SelectionExpression {
  const items = text
    .split(/\s+/)
    .filter(Boolean)
    .map(term => {
      const parts = term.split(',').map(part => parseCriterion(part, where));
      return parts.length === 1
        ? parts[0]
        : { kind: 'intersection' as const, items: parts };
    });
  return items.length === 1 ? items[0] : { kind: 'union', items };
}
