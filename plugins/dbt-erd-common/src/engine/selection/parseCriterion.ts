import { ErdInputError } from '../errors';
import { SelectionCriterion } from './selectorSyntax';

const PARENTS_PREFIX = /^(\d*)\+/;
const CHILDREN_SUFFIX = /\+(\d*)$/;

function depth(digits: string): number {
  return digits === '' ? Infinity : Number(digits);
}

/**
 * One term as dbt's SelectionCriteria reads it:
 * `[@][n+][method:]value[+n]`. The method is what comes before the first
 * colon, so `config.materialized:table` and dbterd's `schema:db.mart` both
 * parse. `where` names the rule in errors (`select rule "..."`).
 */
export function parseCriterion(
  term: string,
  where: string,
): SelectionCriterion {
  let rest = term;
  const childrensParents = rest.startsWith('@');
  if (childrensParents) rest = rest.slice(1);
  let parents = 0;
  const parentsMatch = PARENTS_PREFIX.exec(rest);
  if (parentsMatch) {
    parents = depth(parentsMatch[1]);
    rest = rest.slice(parentsMatch[0].length);
  }
  let children = 0;
  const childrenMatch = CHILDREN_SUFFIX.exec(rest);
  if (childrenMatch) {
    children = depth(childrenMatch[1]);
    rest = rest.slice(0, rest.length - childrenMatch[0].length);
  }
  if (childrensParents && parentsMatch) {
    throw new ErdInputError(
      `${where}: term "${term}" has both '@' and a '+' prefix, which dbt does not allow; ` +
        `'@' already adds the ancestors (write @${rest} or +${rest})`,
    );
  }
  const colon = rest.indexOf(':');
  return {
    kind: 'criterion',
    method: colon < 0 ? '' : rest.slice(0, colon).toLowerCase(),
    value: colon < 0 ? rest : rest.slice(colon + 1),
    raw: term,
    parents,
    children,
    childrensParents,
  };
}
