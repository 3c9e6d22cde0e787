import { ErdInputError } from '../errors';
import {
  DBT_METHODS,
  DbtMethodContext,
  UNAVAILABLE_DBT_METHODS,
  dbtDefaultMethod,
  dbtMethod,
} from './dbtMethods';
import { SELECTION_RULES, TableTest } from './rules';
import { SelectionCriterion } from './selectorSyntax';

const always: TableTest = () => true;

/** The method names a rule may use, for error messages. */
export function describeMethods(): string {
  const dbt = [...Object.keys(DBT_METHODS), 'config.<key>', 'selector'];
  const dbterd = Object.keys(SELECTION_RULES).filter(m => m !== 'name');
  return (
    `use a name (a unique_id prefix, or dbt's fqn or path), dbt's ` +
    `${dbt.map(m => `${m}:`).join(', ')} or dbterd's ` +
    `${dbterd.map(m => `${m}:`).join(', ')}, with dbt's graph operators ` +
    `(+name, name+, 2+name, name+1, @name)`
  );
}

/** Fails on a method the engine cannot match, naming the term. */
export function checkMethod(
  criterion: SelectionCriterion,
  where: string,
): void {
  const { method } = criterion;
  if (method === '' || method === 'selector') return;
  if (Object.prototype.hasOwnProperty.call(SELECTION_RULES, method)) return;
  if (dbtMethod(method)) return;
  const reason = Object.prototype.hasOwnProperty.call(
    UNAVAILABLE_DBT_METHODS,
    method,
  )
    ? `dbt's ${method}: method cannot select ERD tables: ${UNAVAILABLE_DBT_METHODS[method]}`
    : `unsupported selection type "${method}"`;
  throw new ErdInputError(
    `${where}: ${reason} (in "${criterion.raw}"); ${describeMethods()}`,
  );
}

/**
 * The test for a criterion's own tables, before graph operators. dbterd's
 * methods see the value lower-cased up to the next colon, as dbterd
 * lower-cases and splits the whole rule; dbt's see it as written, since
 * dbt matches case-sensitively. `selector:` is the caller's.
 */
export function methodTest(
  criterion: SelectionCriterion,
  context: DbtMethodContext,
  where: string,
): TableTest {
  checkMethod(criterion, where);
  const { method, value } = criterion;
  if (value === '') return always;
  const dbterdValue = value.toLowerCase().split(':')[0];
  if (method === '') {
    // dbterd's unique_id prefix, or what dbt would make of the name: a
    // dbterd rule (`model.shop.orders`) is never a dbt fqn or path, so
    // either reading alone gives what its own tool would.
    const prefix = SELECTION_RULES.name(dbterdValue);
    const dbtDefault = dbtDefaultMethod(value);
    return table => prefix(table) || dbtDefault(table);
  }
  if (Object.prototype.hasOwnProperty.call(SELECTION_RULES, method)) {
    return SELECTION_RULES[method](dbterdValue);
  }
  return dbtMethod(method)!(value, context);
}
