import { getErdAlgorithm } from './algorithms/registry';
import { ErdInputError } from './errors';
import { validateEntityGroup } from './naming/entityGroup';
import {
  DEFAULT_ENTITY_NAME_FORMAT,
  validateEntityNameFormat,
} from './naming/entityName';
import {
  validateResourceTypes,
  validateSelectionRules,
  validateSelectionSize,
} from './selection/validateSelection';
import { ErdOptions } from './types';

/** dbterd's CLI defaults. */
export const DEFAULT_ERD_OPTIONS: Readonly<ErdOptions> = Object.freeze({
  algo: 'test_relationship',
  select: [],
  exclude: [],
  resourceTypes: ['model'],
  entityNameFormat: DEFAULT_ENTITY_NAME_FORMAT,
  entityGroup: undefined,
});

function stringList(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
    throw new ErdInputError(`option ${option} must be a list of strings`);
  }
  return value;
}

/** Fills defaults and rejects anything dbterd would refuse, before reading the artifacts. */
export function resolveErdOptions(
  options: Partial<ErdOptions> = {},
): ErdOptions {
  if (
    options.narrowSelect !== undefined &&
    !Array.isArray(options.narrowSelect)
  ) {
    throw new ErdInputError(
      'option narrowSelect must be a list of string lists',
    );
  }
  const narrowSelect = (options.narrowSelect ?? [])
    .map((group, i) =>
      stringList(group, `narrowSelect[${i}]`).filter(
        rule => rule.trim() !== '',
      ),
    )
    .filter(group => group.length > 0);
  const resolved: ErdOptions = {
    algo: options.algo?.trim() || DEFAULT_ERD_OPTIONS.algo,
    select: stringList(options.select, 'select').filter(
      rule => rule.trim() !== '',
    ),
    ...(narrowSelect.length > 0 ? { narrowSelect } : {}),
    exclude: stringList(options.exclude, 'exclude').filter(
      rule => rule.trim() !== '',
    ),
    resourceTypes:
      options.resourceTypes === undefined
        ? [...DEFAULT_ERD_OPTIONS.resourceTypes]
        : stringList(options.resourceTypes, 'resourceTypes').map(t =>
            t.trim().toLowerCase(),
          ),
    entityNameFormat:
      options.entityNameFormat?.trim() || DEFAULT_ENTITY_NAME_FORMAT,
    entityGroup: options.entityGroup?.trim() || undefined,
  };
  getErdAlgorithm(resolved.algo).validate?.({ algo: resolved.algo });
  validateSelectionSize([
    ...resolved.select,
    ...narrowSelect.flat(),
    ...resolved.exclude,
  ]);
  validateSelectionRules(resolved.select, 'select');
  narrowSelect.forEach(group => validateSelectionRules(group, 'select'));
  validateSelectionRules(resolved.exclude, 'exclude');
  validateResourceTypes(resolved.resourceTypes);
  validateEntityNameFormat(resolved.entityNameFormat);
  if (resolved.entityGroup) validateEntityGroup(resolved.entityGroup);
  return resolved;
}
