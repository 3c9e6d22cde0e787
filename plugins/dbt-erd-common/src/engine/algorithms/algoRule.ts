import { ErdInputError } from '../errors';

/**
 * The rule of `test_relationship`, from the `--algo` value
 * `test_relationship:(name:foreign_key|c_from:fk_column_name|c_to:pk_column_name|t_to:pk_table_name)`:
 * which tests count (id contains `name`) and which test kwargs hold the FK
 * column (`c_from`), the PK column (`c_to`) and the PK table (`t_to`).
 */
export interface TestRelationshipRule {
  name: string;
  c_from: string;
  c_to: string;
  t_to: string;
}

export const DEFAULT_TEST_RELATIONSHIP_RULE: TestRelationshipRule = {
  name: 'relationship',
  c_from: 'column_name',
  c_to: 'field',
  t_to: 'to',
};

const RULE_KEYS = Object.keys(
  DEFAULT_TEST_RELATIONSHIP_RULE,
) as (keyof TestRelationshipRule)[];
const EXAMPLE =
  'test_relationship:(name:foreign_key|c_from:fk_column_name|c_to:pk_column_name|t_to:pk_table_name)';

function usage(algo: string, problem: string): ErdInputError {
  return new ErdInputError(
    `algo "${algo}": ${problem}; write it like ${EXAMPLE}`,
  );
}

/** The algorithm name: what precedes the first `:` of the `--algo` value. */
export function algoName(algo: string): string {
  return algo.replace(/\s+/g, '').split(':', 1)[0];
}

/**
 * Keys left out keep their default, so `(name:foreign_key)` alone works
 * (dbterd would look the columns up under `None` and print `unknown`).
 */
export function parseTestRelationshipRule(algo: string): TestRelationshipRule {
  const compact = algo.replace(/\s+/g, '');
  const colon = compact.indexOf(':');
  if (colon < 0) return { ...DEFAULT_TEST_RELATIONSHIP_RULE };
  const body = compact.slice(colon + 1);
  if (!body.startsWith('(') || !body.endsWith(')')) {
    throw usage(algo, 'the rule must be wrapped in parentheses');
  }
  const rule = { ...DEFAULT_TEST_RELATIONSHIP_RULE };
  for (const part of body.slice(1, -1).split('|')) {
    const pieces = part.split(':');
    if (pieces.length !== 2 || !pieces[0] || !pieces[1]) {
      throw usage(algo, `"${part}" is not a key:value pair`);
    }
    const key = pieces[0] as keyof TestRelationshipRule;
    if (!RULE_KEYS.includes(key)) {
      throw usage(
        algo,
        `"${pieces[0]}" is not a rule key (use ${RULE_KEYS.join(', ')})`,
      );
    }
    rule[key] = pieces[1];
  }
  return rule;
}
