import { ErdInputError } from '../errors';
import { SELECTION_RULES, parseRulePart } from './rules';

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

/** Fails on a rule type the engine does not know, before any work is done. */
export function validateSelectionRules(
  rules: string[],
  option: 'select' | 'exclude',
): void {
  for (const rule of rules) {
    for (const part of rule.split(',')) {
      const { type } = parseRulePart(part);
      if (!Object.prototype.hasOwnProperty.call(SELECTION_RULES, type)) {
        throw new ErdInputError(
          `${option} rule "${rule}": unsupported selection type "${type}"; ` +
            `use plain text (unique_id prefix) or one of ${Object.keys(
              SELECTION_RULES,
            )
              .filter(t => t !== 'name')
              .map(t => `${t}:`)
              .join(', ')}`,
        );
      }
    }
  }
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
