import { SELECTION_RULES, TableTest, parseRulePart } from './rules';
import { SelectableTable } from './selectableTable';

export interface Selection {
  select: string[];
  /** More select lists a table must also pass (AND), each OR-ed like `select`. */
  narrowSelect?: string[][];
  exclude: string[];
  /** Empty means every type. */
  resourceTypes: string[];
}

const always: TableTest = () => true;

/** One rule: every comma-separated part must hold. */
function compileRule(rule: string): TableTest {
  const parts = rule.split(',').map(part => {
    const { type, value } = parseRulePart(part);
    if (!value) return always;
    const compile = Object.prototype.hasOwnProperty.call(SELECTION_RULES, type)
      ? SELECTION_RULES[type]
      : undefined;
    return compile ? compile(value) : () => false;
  });
  return table => parts.every(part => part(table));
}

/** Any of the rules. */
function compileRules(rules: string[]): TableTest {
  const compiled = rules.map(compileRule);
  return table => compiled.some(rule => rule(table));
}

/**
 * dbterd's `--select` / `--exclude` / `--resource-type`: any select rule (and
 * any rule of each `narrowSelect` list), no exclude rule. Every rule is parsed here, once, so a build pays for parsing
 * once and not once per node.
 */
export function compileSelection(selection: Selection): TableTest {
  const selects = [selection.select, ...(selection.narrowSelect ?? [])]
    .filter(rules => rules.length > 0)
    .map(compileRules);
  const selected: TableTest = table => selects.every(rules => rules(table));
  const excluded = compileRules(selection.exclude);
  const resourceTypes = new Set(selection.resourceTypes);
  return table =>
    (resourceTypes.size === 0 || resourceTypes.has(table.resourceType)) &&
    selected(table) &&
    !excluded(table);
}

export function isSelected(
  table: SelectableTable,
  selection: Selection,
): boolean {
  return compileSelection(selection)(table);
}
