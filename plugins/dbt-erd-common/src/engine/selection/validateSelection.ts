import { ErdInputError } from '../errors';
import { SELECTION_RULES, parseRulePart } from './rules';

/** Resource types dbterd can draw. */
export const ERD_RESOURCE_TYPES: readonly string[] = [
  'model',
  'source',
  'seed',
  'snapshot',
];

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
