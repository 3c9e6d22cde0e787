/** The resource types read from an environment, where they live, and what is selected. */
export const APPLIED_STATE_RESOURCES = [
  {
    key: 'models',
    section: 'applied',
    fields:
      'uniqueId name description database schema alias catalog { columns { name description type } }',
  },
  {
    key: 'sources',
    section: 'applied',
    fields:
      'uniqueId name description database schema catalog { columns { name description type } }',
  },
  {
    key: 'exposures',
    section: 'applied',
    fields: 'uniqueId name description parents { uniqueId }',
  },
  {
    key: 'tests',
    section: 'applied',
    // Unit tests and singular tests never declare relationships.
    filter: 'filter: { testTypes: [GENERIC_DATA_TEST] }',
    fields:
      'uniqueId columnName meta testMetadata { name kwargs } parents { uniqueId resourceType }',
  },
  {
    key: 'semanticModels',
    section: 'definition',
    fields:
      'uniqueId entities { name type } meta parents { uniqueId resourceType }',
  },
] as const;

export type AppliedStateResource = (typeof APPLIED_STATE_RESOURCES)[number];
export type AppliedStateKey = AppliedStateResource['key'];

/** The resource types an algorithm does not always need. */
export interface AppliedStateNeeds {
  tests: boolean;
  semanticModels: boolean;
}

/**
 * What an ERD algorithm reads beyond models and sources: test_relationship
 * (and its custom rules) reads tests, semantic reads semantic models,
 * model_contract neither (constraints are not in the applied state). Any
 * other or combined algorithm gets everything, to be safe.
 */
export function appliedStateNeedsFor(
  algo: string | undefined,
): AppliedStateNeeds {
  const parts = (algo ?? 'test_relationship')
    .split(/[+,]/)
    .map(part => part.trim().split(':')[0]);
  const needs: AppliedStateNeeds = { tests: false, semanticModels: false };
  for (const part of parts) {
    if (part === 'test_relationship') needs.tests = true;
    else if (part === 'semantic') needs.semanticModels = true;
    else if (part !== 'model_contract')
      return { tests: true, semanticModels: true };
  }
  return needs;
}

/** The resource types to read for these needs. */
export function appliedStateResourcesFor(
  needs: AppliedStateNeeds,
): AppliedStateResource[] {
  return APPLIED_STATE_RESOURCES.filter(
    r =>
      (r.key !== 'tests' || needs.tests) &&
      (r.key !== 'semanticModels' || needs.semanticModels),
  );
}

/** The variable holding a resource type's cursor, e.g. `modelsAfter`. */
export function afterVariable(key: AppliedStateKey): string {
  return `${key}After`;
}

/**
 * A query for the next page of only the resource types that still have one:
 * like dbterd, every type pages with its own cursor in one request, but
 * finished types are left out instead of being asked for again. GraphQL
 * rejects unused variables, so only the pending cursors are declared.
 */
export function buildAppliedStateQuery(
  pending: readonly AppliedStateResource[],
): string {
  const variables = pending
    .map(r => `, $${afterVariable(r.key)}: String`)
    .join('');
  const section = (name: string) => {
    const selections = pending
      .filter(r => r.section === name)
      .map(
        r =>
          `${r.key}(first: $first, after: $${afterVariable(r.key)}${
            'filter' in r ? `, ${r.filter}` : ''
          }) { ` +
          `edges { node { ${r.fields} } } pageInfo { endCursor hasNextPage } totalCount }`,
      );
    return selections.length ? `${name} { ${selections.join(' ')} }` : '';
  };
  return (
    `query DbtErdAppliedState($environmentId: BigInt!, $first: Int!${variables}) { ` +
    `environment(id: $environmentId) { ${section('applied')} ${section(
      'definition',
    )} } }`
  );
}
