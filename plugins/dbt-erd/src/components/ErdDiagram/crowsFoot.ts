import { Cardinality } from 'backstage-plugin-dbt-erd-common';

/** The end symbols of crow's-foot notation. */
export type EndSymbol = 'one' | 'zeroOrOne' | 'oneOrMany' | 'zeroOrMany';

/**
 * Symbols at the FK (from) and referenced (to) ends for each cardinality,
 * matching the plugin's Mermaid export (`}|--||` for n1 and so on), so the
 * diagram and the downloads agree.
 */
export const CARDINALITY_ENDS: Record<
  Cardinality,
  { from: EndSymbol; to: EndSymbol }
> = {
  n1: { from: 'oneOrMany', to: 'one' },
  '1n': { from: 'one', to: 'oneOrMany' },
  '11': { from: 'one', to: 'one' },
  '01': { from: 'zeroOrMany', to: 'one' },
  '0n': { from: 'zeroOrMany', to: 'oneOrMany' },
  nn: { from: 'oneOrMany', to: 'oneOrMany' },
};

export const CARDINALITY_TEXT: Record<Cardinality, string> = {
  n1: 'many to one',
  '1n': 'one to many',
  '11': 'one to one',
  '01': 'zero or many to one',
  '0n': 'zero or many to many',
  nn: 'many to many',
};

export function markerId(symbol: EndSymbol, highlighted: boolean): string {
  return `erd-marker-${symbol}${highlighted ? '-hl' : ''}`;
}
