import { ErdInputError } from '../errors';
import { Lineage } from './lineage';
import { methodTest } from './resolveMethod';
import { TableTest } from './rules';
import { SelectableTable } from './selectableTable';
import { SelectionCriterion, SelectionExpression } from './selectorSyntax';
import { parseYamlDefinition } from './yamlSelector';

/** The project a selection is matched against: graph operators and `selector:` need all of it. */
export interface SelectionUniverse {
  tables: readonly SelectableTable[];
  /** For `package:this`. */
  projectName?: string;
  /** The manifest's selectors, name -> definition (ArtifactIndex.selectors). */
  selectors?: Record<string, unknown>;
}

const MAX_SELECTOR_DEPTH = 32;

/** Compiles expressions against one universe; the lineage is built on first need, once. */
export class ExpressionCompiler {
  private lineage: Lineage | null = null;
  private readonly selectorStack: string[] = [];

  constructor(private readonly universe: SelectionUniverse) {}

  compile(expression: SelectionExpression, where: string): TableTest {
    switch (expression.kind) {
      case 'criterion':
        return this.criterion(expression, where);
      case 'union': {
        const items = expression.items.map(item => this.compile(item, where));
        return table => items.some(item => item(table));
      }
      case 'intersection': {
        const items = expression.items.map(item => this.compile(item, where));
        return table => items.every(item => item(table));
      }
      case 'difference': {
        const include = this.compile(expression.include, where);
        const exclude = this.compile(expression.exclude, where);
        return table => include(table) && !exclude(table);
      }
      default:
        throw new Error('unknown selection expression');
    }
  }

  private criterion(criterion: SelectionCriterion, where: string): TableTest {
    const own =
      criterion.method === 'selector'
        ? this.selector(criterion, where)
        : methodTest(
            criterion,
            { projectName: this.universe.projectName ?? '' },
            where,
          );
    if (
      criterion.parents === 0 &&
      criterion.children === 0 &&
      !criterion.childrensParents
    ) {
      return own;
    }
    this.lineage ??= new Lineage(this.universe.tables);
    const seeds = new Set(
      this.universe.tables.filter(own).map(table => table.uniqueId),
    );
    const selected = this.lineage.expand(seeds, criterion);
    return table => selected.has(table.uniqueId);
  }

  /** `selector:<name>`: the named definition from the manifest's selectors.yml. */
  private selector(criterion: SelectionCriterion, where: string): TableTest {
    const name = criterion.value;
    const selectors = this.universe.selectors ?? {};
    if (!Object.prototype.hasOwnProperty.call(selectors, name)) {
      const known = Object.keys(selectors);
      const defined =
        known.length > 0
          ? `it defines ${known.map(k => `selector:${k}`).join(', ')}`
          : 'its manifest defines no selectors';
      throw new ErdInputError(
        `${where}: selector "${name}" is not defined in this project's selectors.yml; ${defined}`,
      );
    }
    if (this.selectorStack.length >= MAX_SELECTOR_DEPTH) {
      throw new ErdInputError(
        `${where}: selectors refer to each other more than ${MAX_SELECTOR_DEPTH} deep; flatten them in selectors.yml`,
      );
    }
    if (this.selectorStack.includes(name)) {
      throw new ErdInputError(
        `${where}: selector "${name}" refers to itself (${[
          ...this.selectorStack,
          name,
        ].join(' -> ')}); break the cycle in selectors.yml`,
      );
    }
    this.selectorStack.push(name);
    try {
      const at = `selector "${name}"`;
      return this.compile(parseYamlDefinition(selectors[name], at), at);
    } finally {
      this.selectorStack.pop();
    }
  }
}
