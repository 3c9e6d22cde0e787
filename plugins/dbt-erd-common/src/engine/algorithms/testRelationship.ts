import { ArtifactIndex, IndexedTest, TestKwargValue } from '../artifacts/types';
import { TestRelationshipRule, parseTestRelationshipRule } from './algoRule';
import { toCardinality } from './cardinality';
import { resolveTestEnds } from './testEnds';
import { ErdAlgorithm, FoundRelationship } from './types';
import { uniqueRelationships } from './uniqueRelationships';

function isTruthy(value: TestKwargValue | undefined): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/** A column kwarg, or its plural form joined with `_and_` (multi-column tests). */
function kwargColumn(
  kwargs: Record<string, TestKwargValue>,
  key: string,
): string {
  const single = kwargs[key];
  let column: string;
  if (isTruthy(single)) {
    column = Array.isArray(single) ? single.join('_and_') : String(single);
  } else {
    const plural = kwargs[`${key}s`];
    if (Array.isArray(plural)) column = plural.join('_and_');
    else column = isTruthy(plural) ? String(plural) : 'unknown';
  }
  return column.replace(/"/g, '').toLowerCase();
}

/**
 * `meta.ignore_in_erd`. dbterd keeps a test only when the value is absent or
 * the string "0"; here any falsy-looking value keeps it, so `false` and `0`
 * do what they say.
 */
export function isIgnoredInErd(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0)
    return false;
  if (typeof value === 'string')
    return !['', '0', 'false', 'no'].includes(value.trim().toLowerCase());
  return true;
}

function toRelationship(
  test: IndexedTest,
  rule: TestRelationshipRule,
): FoundRelationship | null {
  const ends = resolveTestEnds(test, rule.t_to);
  if (!ends) return null;
  const fromColumn =
    String(test.kwargs.column_name ?? '')
      .replace(/"/g, '')
      .toLowerCase() || kwargColumn(test.kwargs, rule.c_from);
  return {
    name: test.uniqueId,
    toId: ends.toId,
    fromId: ends.fromId,
    toColumns: [kwargColumn(test.kwargs, rule.c_to)],
    fromColumns: [fromColumn],
    cardinality: toCardinality(test.relationshipType),
    label: test.relationshipLabel || null,
  };
}

/** dbterd's test selection: the rule name anywhere in the test's unique_id. */
function namedByRule(
  rule: TestRelationshipRule,
): (uniqueId: string) => boolean {
  const ruleName = rule.name.toLowerCase();
  return uniqueId => uniqueId.toLowerCase().includes(ruleName);
}

/** Relationships from dbt `relationships` tests (or any test the custom rule names). */
export const testRelationshipAlgorithm: ErdAlgorithm = {
  name: 'test_relationship',
  description: 'Relationships declared by dbt relationships tests',
  validate: options => {
    parseTestRelationshipRule(options.algo);
  },
  readsNodes: false,
  relevantTests: options =>
    namedByRule(parseTestRelationshipRule(options.algo)),
  findRelationships(index: ArtifactIndex, options) {
    const rule = parseTestRelationshipRule(options.algo);
    const isRelevant = namedByRule(rule);
    const relationships = index.tests
      .filter(test => isRelevant(test.uniqueId))
      .filter(test => !isIgnoredInErd(test.ignoreInErd))
      .map(test => toRelationship(test, rule))
      .filter(
        (relationship): relationship is FoundRelationship =>
          relationship !== null,
      );
    return { relationships: uniqueRelationships(relationships) };
  },
};
