import { ArtifactIndex, IndexedNode, IndexedTest } from '../artifacts/types';
import { kwargText } from '../algorithms/testEnds';
import { ErdTableKey } from '../types';

/**
 * Test unique_ids whose tests can mark a key: dbt's `unique` and `not_null`
 * and dbt_utils' `unique_combination_of_columns` (dbt cuts long test names
 * to `dbt_utils_unique_combination_o_<hash>`). A streaming reader uses this
 * to parse those tests beside the ones the algorithm reads.
 */
export function isKeyTestId(uniqueId: string): boolean {
  // Tests on sources read `source_unique_...`, `dbt_utils_source_unique_combination_...`.
  const name = (uniqueId.split('.')[2] ?? '')
    .replace(/^source_/, '')
    .replace(/^dbt_utils_source_/, 'dbt_utils_');
  return (
    name.startsWith('unique_') ||
    name.startsWith('not_null_') ||
    name.startsWith('dbt_utils_unique_combination_o')
  );
}

/** The one node a single-model test (unique, not_null...) checks. */
function testedNode(test: IndexedTest): string | null {
  if (test.attachedNode) return test.attachedNode;
  const nodes = new Set(test.dependsOn);
  return nodes.size === 1 ? [...nodes][0] : null;
}

function columnOf(test: IndexedTest): string | null {
  const column = kwargText(test.kwargs.column_name)
    .replace(/["`[\]]/g, '')
    .trim()
    .toLowerCase();
  return column || null;
}

interface TestedColumns {
  unique: Set<string>;
  notNull: Set<string>;
  combinations: string[][];
}

function readKeyTests(tests: IndexedTest[]): Map<string, TestedColumns> {
  const byNode = new Map<string, TestedColumns>();
  const entry = (nodeId: string) => {
    let found = byNode.get(nodeId);
    if (!found) {
      found = { unique: new Set(), notNull: new Set(), combinations: [] };
      byNode.set(nodeId, found);
    }
    return found;
  };
  for (const test of tests) {
    const name = (test.testName ?? '').toLowerCase();
    const nodeId = testedNode(test);
    if (!nodeId) continue;
    if (name === 'unique_combination_of_columns') {
      const combination = test.kwargs.combination_of_columns;
      const columns = (Array.isArray(combination) ? combination : [])
        .map(c =>
          c
            .replace(/["`[\]]/g, '')
            .trim()
            .toLowerCase(),
        )
        .filter(Boolean);
      if (columns.length > 0) entry(nodeId).combinations.push(columns);
      continue;
    }
    if (name !== 'unique' && name !== 'not_null') continue;
    const column = columnOf(test);
    if (!column) continue;
    if (name === 'unique') entry(nodeId).unique.add(column);
    else entry(nodeId).notNull.add(column);
  }
  return byNode;
}

function constraintKeys(node: IndexedNode): ErdTableKey[] {
  const keys: ErdTableKey[] = [];
  for (const constraint of node.constraints) {
    if (constraint.type !== 'primary_key' && constraint.type !== 'unique')
      continue;
    const columns = (
      constraint.level === 'column' && constraint.column
        ? [constraint.column]
        : constraint.columns
    ).map(c => c.toLowerCase());
    if (columns.length === 0) continue;
    keys.push({
      columns,
      kind: constraint.type === 'primary_key' ? 'primary' : 'unique',
      source: 'constraint',
    });
  }
  return keys;
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * Keys of each node, from what the project states: `primary_key` and
 * `unique` constraints, a `unique` test (a primary key when the column is
 * also tested `not_null`) and `dbt_utils.unique_combination_of_columns`
 * (a composite key). The first statement of a key wins; a primary key is
 * listed before unique keys.
 */
export function detectTableKeys(
  index: ArtifactIndex,
): Map<string, ErdTableKey[]> {
  const tested = readKeyTests(index.tests);
  const keys = new Map<string, ErdTableKey[]>();
  for (const node of index.nodes) {
    const found = constraintKeys(node);
    const fromTests = tested.get(node.uniqueId);
    if (fromTests) {
      for (const column of [...fromTests.unique].sort()) {
        found.push({
          columns: [column],
          kind: fromTests.notNull.has(column) ? 'primary' : 'unique',
          source: 'test',
        });
      }
      for (const columns of fromTests.combinations) {
        found.push({ columns, kind: 'unique', source: 'combination_test' });
      }
    }
    const distinct: ErdTableKey[] = [];
    for (const key of found) {
      const known = distinct.find(k => sameColumns(k.columns, key.columns));
      if (!known) distinct.push(key);
      else if (key.kind === 'primary') known.kind = 'primary';
    }
    if (distinct.length === 0) continue;
    distinct.sort(
      (a, b) => Number(b.kind === 'primary') - Number(a.kind === 'primary'),
    );
    keys.set(node.uniqueId, distinct);
  }
  return keys;
}

/** Is `column` (lower-cased) a one-column key of the table? */
export function isSingleColumnKey(
  keys: ErdTableKey[] | undefined,
  column: string,
): boolean {
  return (keys ?? []).some(
    k => k.columns.length === 1 && k.columns[0] === column,
  );
}
