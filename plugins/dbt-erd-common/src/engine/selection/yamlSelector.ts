import { isRecord } from '../artifacts/readers';
import { ErdInputError } from '../errors';
import { parseSelection } from './parseSelection';
import { SelectionCriterion, SelectionExpression } from './selectorSyntax';

type Definition = Record<string, unknown>;
type Parse = (definition: unknown) => SelectionExpression;

const MAX_NESTING = 64;

/** Keys of a full definition that are not graph operators or exclude. */
const IGNORED_KEYS = new Set(['indirect_selection']);

function fail(where: string, problem: string): never {
  throw new ErdInputError(
    `${where}: ${problem}; see dbt's YAML selectors (a string, {method, value}, ` +
      `{<method>: value}, union, intersection or exclude)`,
  );
}

function depthOf(definition: Definition, key: string, where: string): number {
  const value = definition[key];
  if (value === undefined || value === null) return Infinity;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
    return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return fail(
    where,
    `${key} must be a whole number, not ${JSON.stringify(value)}`,
  );
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function withExclude(
  include: SelectionExpression,
  exclude: SelectionExpression[],
): SelectionExpression {
  if (exclude.length === 0) return include;
  return {
    kind: 'difference',
    include,
    exclude:
      exclude.length === 1 ? exclude[0] : { kind: 'union', items: exclude },
  };
}

function listOf(value: unknown, key: string, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, `${key} must be a list`);
  return value;
}

/** `union: [...]` / `intersection: [...]`; an `{exclude: [...]}` item is taken away from the rest. */
function parseSetOperator(
  kind: 'union' | 'intersection',
  definition: Definition,
  where: string,
  parse: Parse,
): SelectionExpression {
  const include: SelectionExpression[] = [];
  const exclude: SelectionExpression[] = [];
  for (const item of listOf(definition[kind], kind, where)) {
    if (isRecord(item) && Object.keys(item).length === 1 && 'exclude' in item) {
      for (const excluded of listOf(item.exclude, 'exclude', where))
        exclude.push(parse(excluded));
    } else {
      include.push(parse(item));
    }
  }
  if (include.length === 0) fail(where, `${kind} has nothing to select`);
  return withExclude({ kind, items: include }, exclude);
}

/** `{method, value, parents, children, ..._depth, childrens_parents, exclude}`. */
function parseMethodDefinition(
  definition: Definition,
  where: string,
  parse: Parse,
): SelectionExpression {
  const { method, value } = definition;
  if (typeof method !== 'string' || method === '')
    fail(where, 'method must be a method name');
  if (typeof value !== 'string' && typeof value !== 'number')
    fail(where, `method ${method} needs a value`);
  const parents = isTrue(definition.parents)
    ? depthOf(definition, 'parents_depth', where)
    : 0;
  const children = isTrue(definition.children)
    ? depthOf(definition, 'children_depth', where)
    : 0;
  const childrensParents = isTrue(definition.childrens_parents);
  if (childrensParents && parents > 0) {
    fail(
      where,
      'childrens_parents and parents cannot be combined (dbt does not allow it)',
    );
  }
  const criterion: SelectionCriterion = {
    kind: 'criterion',
    method: method.toLowerCase(),
    value: String(value),
    raw: `${method}:${value}`,
    parents,
    children,
    childrensParents,
  };
  const exclude =
    definition.exclude === undefined
      ? []
      : listOf(definition.exclude, 'exclude', where).map(parse);
  return withExclude(criterion, exclude);
}

/**
 * One selector `definition` from the manifest's `selectors`, in any of the
 * forms dbt accepts (dbt-core's `selector_config.py`). `where` names the
 * selector in errors.
 */
export function parseYamlDefinition(
  definition: unknown,
  where: string,
  depth = 0,
): SelectionExpression {
  // A manifest is the project's own, but a runaway nesting must be an input
  // error and not a stack overflow.
  if (depth > MAX_NESTING) {
    fail(where, `definitions nest deeper than ${MAX_NESTING} levels`);
  }
  const parse = (item: unknown) => parseYamlDefinition(item, where, depth + 1);
  if (typeof definition === 'string') return parseSelection(definition, where);
  if (Array.isArray(definition)) {
    return {
      kind: 'union',
      items: definition.map(parse),
    };
  }
  if (!isRecord(definition)) {
    return fail(where, `a definition cannot be ${JSON.stringify(definition)}`);
  }
  if ('union' in definition)
    return parseSetOperator('union', definition, where, parse);
  if ('intersection' in definition)
    return parseSetOperator('intersection', definition, where, parse);
  if ('method' in definition)
    return parseMethodDefinition(definition, where, parse);
  const keys = Object.keys(definition).filter(key => !IGNORED_KEYS.has(key));
  if (keys.length === 1 && keys[0] !== 'exclude') {
    // Key-value shorthand, `tag: nightly`: no graph operators.
    return parseMethodDefinition(
      { method: keys[0], value: definition[keys[0]] },
      where,
      parse,
    );
  }
  return fail(
    where,
    keys.includes('exclude')
      ? 'exclude needs a method, union or intersection beside it'
      : `cannot read a definition with keys ${keys.join(', ') || '(none)'}`,
  );
}
