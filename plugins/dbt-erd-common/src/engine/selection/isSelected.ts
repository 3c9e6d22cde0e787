import { ExpressionCompiler, SelectionUniverse } from './compileExpression';
import { parseSelection } from './parseSelection';
import { TableTest } from './rules';
import { SelectableTable } from './selectableTable';

export type { SelectionUniverse } from './compileExpression';

export interface Selection {
  select: string[];
  /** More select lists a table must also pass (AND), each OR-ed like `select`. */
  narrowSelect?: string[][];
  exclude: string[];
  /** Empty means every type. */
  resourceTypes: string[];
}

/** Any of the rules (each a dbt-style selection: space union, comma intersection). */
function compileRules(
  compiler: ExpressionCompiler,
  rules: string[],
  option: 'select' | 'exclude',
): TableTest {
  const compiled = rules.map(rule => {
    const where = `${option} rule "${rule}"`;
    return compiler.compile(parseSelection(rule, where), where);
  });
  return table => compiled.some(rule => rule(table));
}

/**
 * dbterd's `--select` / `--exclude` / `--resource-type` with dbt's node
 * selection grammar: any select rule (and any rule of each `narrowSelect`
 * list), no exclude rule, then the resource types, as dbt applies
 * `--resource-type` last. Every rule is parsed here, once, so a build pays
 * for parsing once and not once per node; graph operators and `selector:`
 * are resolved against `universe` (the whole project).
 */
export function compileSelection(
  selection: Selection,
  universe: SelectionUniverse,
): TableTest {
  const compiler = new ExpressionCompiler(universe);
  const selects = [selection.select, ...(selection.narrowSelect ?? [])]
    .filter(rules => rules.length > 0)
    .map(rules => compileRules(compiler, rules, 'select'));
  const selected: TableTest = table => selects.every(rules => rules(table));
  const excluded = compileRules(compiler, selection.exclude, 'exclude');
  const resourceTypes = new Set(selection.resourceTypes);
  return table =>
    (resourceTypes.size === 0 || resourceTypes.has(table.resourceType)) &&
    selected(table) &&
    !excluded(table);
}

/** One table on its own: graph operators see no neighbours. */
export function isSelected(
  table: SelectableTable,
  selection: Selection,
): boolean {
  return compileSelection(selection, { tables: [table] })(table);
}
