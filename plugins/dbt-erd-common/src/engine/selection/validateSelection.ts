import { ErdInputError } from '../errors';
import { parseSelection } from './parseSelection';
import { checkMethod } from './resolveMethod';
import { SelectionCriterion, SelectionExpression } from './selectorSyntax';

/** Resource types dbterd can draw. */
export const ERD_RESOURCE_TYPES: readonly string[] = [
  'model',
  'source',
  'seed',
  'snapshot',
];

/**
 * Caps on what one build is asked to match: rules are tested against every
 * node, so an unbounded list is a way to make one request cost a lot.
 */
export const MAX_SELECTION_RULES = 100;
export const MAX_SELECTION_LENGTH = 4096;

/** Fails when the select and exclude rules together pass either cap. */
export function validateSelectionSize(rules: string[]): void {
  if (rules.length > MAX_SELECTION_RULES) {
    throw new ErdInputError(
      `${rules.length} select and exclude rules given; the limit is ${MAX_SELECTION_RULES} ` +
        `rules, so combine them (a wildcard: rule can stand for many names)`,
    );
  }
  const length = rules.reduce((total, rule) => total + rule.length, 0);
  if (length > MAX_SELECTION_LENGTH) {
    throw new ErdInputError(
      `select and exclude rules are ${length} characters long together; ` +
        `the limit is ${MAX_SELECTION_LENGTH} characters, so shorten them`,
    );
  }
}

/**
 * Fails on a rule the engine cannot read (syntax, unknown method), before
 * any work is done. `selector:` names are checked when the manifest is
 * read, since only it knows them.
 */
export function validateSelectionRules(
  rules: string[],
  option: 'select' | 'exclude',
): void {
  for (const rule of rules) {
    const where = `${option} rule "${rule}"`;
    forEachCriterion(parseSelection(rule, where), criterion =>
      checkMethod(criterion, where),
    );
  }
}

/** Whether any rule walks the lineage (graph operators, or a YAML selector that may). */
export function selectionReadsLineage(rules: string[]): boolean {
  const criteria: SelectionCriterion[] = [];
  for (const rule of rules) {
    forEachCriterion(parseSelection(rule, 'rule'), criterion =>
      criteria.push(criterion),
    );
  }
  return criteria.some(
    criterion =>
      criterion.method === 'selector' ||
      criterion.parents > 0 ||
      criterion.children > 0 ||
      criterion.childrensParents,
  );
}

function forEachCriterion(
  expression: SelectionExpression,
  visit: (criterion: SelectionCriterion) => void,
): void {
  if (expression.kind === 'criterion') visit(expression);
  else if (expression.kind === 'difference') {
    forEachCriterion(expression.include, visit);
    forEachCriterion(expression.exclude, visit);
  } else expression.items.forEach(item => forEachCriterion(item, visit));
}

export function validateResourceTypes(resourceTypes: string[]): void {
  for (const resourceType of resourceTypes) {
    if (!ERD_RESOURCE_TYPES.includes(resourceType)) {
      throw new ErdInputError(
        `resource type "${resourceType}" is not supported; use ${ERD_RESOURCE_TYPES.join(
          ', ',
        )}`,
      );
    }
  }
}
