import { ErdInputError } from '../errors';
import { Erd, ErdNode } from '../types';
import { dbtNodeName, shortTableName } from './dbtNodeName';

/**
 * A table named by someone who did not read the ERD's ids: it is not in
 * the drawn ERD (maybe filtered out by the entity's selection). The message
 * says what was asked and which names would work.
 */
export class ErdTableNotFoundError extends ErdInputError {
  readonly table: string;

  constructor(table: string, suggestions: string[]) {
    const hint = suggestions.length
      ? `close matches: ${suggestions.join(', ')}`
      : 'it may be outside the entity\u2019s selection';
    super(
      `No table '${table}' in this ERD. Name a table by its short name ` +
        `(e.g. fct_orders) or its dbt id (e.g. model.my_project.fct_orders); ${hint}`,
    );
    this.table = table;
  }
}

const MAX_SUGGESTIONS = 5;

/** Every way a person may write the table: dbt id, short name, `source.table`, drawn name. */
function namesOf(erd: Erd, node: ErdNode): string[] {
  const names = [node.id, node.name, shortTableName(erd, node)];
  const dbtName = dbtNodeName(erd, node);
  if (dbtName.kind === 'source') {
    names.push(`${dbtName.source}.${dbtName.table}`);
  }
  return names;
}

function matching(
  erd: Erd,
  wanted: string,
  same: (a: string, b: string) => boolean,
): ErdNode[] {
  return erd.nodes.filter(node =>
    namesOf(erd, node).some(name => same(name, wanted)),
  );
}

/**
 * The table `wanted` names, by dbt id or short name; exact spelling first,
 * then ignoring case. Throws ErdTableNotFoundError when none matches and
 * ErdInputError when a short name matches several tables.
 */
export function findErdTable(erd: Erd, wanted: string): ErdNode {
  const name = wanted.trim();
  const byId = erd.nodes.find(node => node.id === name);
  if (byId) return byId;
  let found = matching(erd, name, (a, b) => a === b);
  if (found.length === 0) {
    const lower = name.toLowerCase();
    found = matching(erd, lower, (a, b) => a.toLowerCase() === b);
  }
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new ErdInputError(
      `Table name '${wanted}' is ambiguous; use one of the dbt ids: ${found
        .map(node => node.id)
        .join(', ')}`,
    );
  }
  const lower = name.toLowerCase();
  const suggestions = erd.nodes
    .map(node => shortTableName(erd, node))
    .filter(short => lower && short.toLowerCase().includes(lower))
    .slice(0, MAX_SUGGESTIONS);
  throw new ErdTableNotFoundError(wanted, suggestions);
}
