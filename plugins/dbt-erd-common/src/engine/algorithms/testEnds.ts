import { IndexedTest, TestKwargValue } from '../artifacts/types';
import { resolveReference } from './dbtRef';

export interface TestEnds {
  toId: string;
  fromId: string;
}

export function kwargText(value: TestKwargValue | undefined): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * dbterd's guess: `depends_on` lists the referenced node first unless the
 * second one's name appears as `("name")` in the `to` kwarg. It misreads
 * `ref('pkg', 'm')`, `source('s', 't')` and versioned refs.
 */
function endsFromDependsOnOrder(
  dependsOn: string[],
  toExpression: string,
): TestEnds {
  const secondName = dependsOn[1].split('.').pop() ?? '';
  const to = toExpression.replace(/'/g, '"').toLowerCase();
  return to.includes(`("${secondName}")`.toLowerCase())
    ? { toId: dependsOn[1], fromId: dependsOn[0] }
    : { toId: dependsOn[0], fromId: dependsOn[1] };
}

/** The tested (FK) node: `attached_node` when dbt wrote it, else the node the `model` kwarg refers to. */
function findFromNode(test: IndexedTest, dependsOn: string[]): string | null {
  if (test.attachedNode && dependsOn.includes(test.attachedNode))
    return test.attachedNode;
  return resolveReference(kwargText(test.kwargs.model), dependsOn);
}

/**
 * Which dependency of a relationship test is referenced (to) and which is
 * tested (from). Reads `attached_node` and the `to` / `model` kwargs as dbt
 * wrote them, and falls back to dbterd's depends_on-order guess only when
 * those say nothing. Null when the test depends on no node.
 */
export function resolveTestEnds(
  test: IndexedTest,
  toKwarg: string,
): TestEnds | null {
  const dependsOn = Array.from(new Set(test.dependsOn));
  if (dependsOn.length === 0) return null;
  if (dependsOn.length === 1)
    return { toId: dependsOn[0], fromId: dependsOn[0] };

  const toExpression = kwargText(test.kwargs[toKwarg]);
  const fromId = findFromNode(test, dependsOn);
  const others = dependsOn.filter(id => id !== fromId);
  let toId = resolveReference(toExpression, others);
  if (!toId && fromId && resolveReference(toExpression, [fromId]))
    toId = fromId;

  if (fromId && toId) return { toId, fromId };
  if (fromId && others.length === 1) return { toId: others[0], fromId };
  if (toId && dependsOn.length === 2) {
    return { toId, fromId: dependsOn.find(id => id !== toId) ?? toId };
  }
  return endsFromDependsOnOrder(dependsOn, toExpression || '{}');
}
