import { SELECTION_RULES, parseRulePart } from './rules';
import { SelectableTable } from './selectableTable';

/** One rule: every comma-separated part must hold. */
function satisfiesRule(table: SelectableTable, rule: string): boolean {
  return rule.split(',').every(part => {
    const { type, value } = parseRulePart(part);
    if (!value) return true;
    return SELECTION_RULES[type]?.(table, value) ?? false;
  });
}

export interface Selection {
  select: string[];
  exclude: string[];
  /** Empty means every type. */
  resourceTypes: string[];
}

/** dbterd's `--select` / `--exclude` / `--resource-type`: any select rule, no exclude rule. */
export function isSelected(
  table: SelectableTable,
  selection: Selection,
): boolean {
  let selected =
    selection.select.length === 0 ||
    selection.select.some(rule => satisfiesRule(table, rule));
  if (selection.resourceTypes.length > 0) {
    selected = selected && selection.resourceTypes.includes(table.resourceType);
  }
  const excluded = selection.exclude.some(rule => satisfiesRule(table, rule));
  return selected && !excluded;
}
