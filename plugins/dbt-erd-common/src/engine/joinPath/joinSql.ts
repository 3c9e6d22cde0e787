import { Erd, ErdNode } from '../types';
import { dbtNodeName, shortTableName } from '../tables/dbtNodeName';
import { JoinStep } from './types';

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Jinja string literal: dbt names rarely need it, but a quote must not end the string. */
function jinjaString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A column as SQL: bare when it is a plain identifier, double-quoted otherwise. */
function sqlIdentifier(name: string): string {
  return PLAIN_IDENTIFIER.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `{{ ref('x') }}` / `{{ source('s', 't') }}`; the package only when it is not the project's own. */
export function dbtRelation(erd: Erd, node: ErdNode): string {
  const name = dbtNodeName(erd, node);
  if (name.kind === 'source') {
    return `{{ source(${jinjaString(name.source)}, ${jinjaString(
      name.table,
    )}) }}`;
  }
  const args = [jinjaString(name.name)];
  const project = erd.metadata.dbt_project_name;
  if (project && name.packageName && name.packageName !== project) {
    args.unshift(jinjaString(name.packageName));
  }
  if (name.version !== null) args.push(`v=${name.version}`);
  return `{{ ref(${args.join(', ')}) }}`;
}

/** One alias per table: its short name made a plain identifier, numbered when two collide. */
function aliases(erd: Erd, nodes: ErdNode[]): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const node of nodes) {
    const base =
      shortTableName(erd, node)
        .replace(/[^A-Za-z0-9_]/g, '_')
        .replace(/^(?=\d)/, '_') || 't';
    let alias = base;
    for (let n = 2; taken.has(alias.toLowerCase()); n++) alias = `${base}_${n}`;
    taken.add(alias.toLowerCase());
    result.set(node.id, alias);
  }
  return result;
}

/**
 * The select that joins a path, as a dbt model would write it:
 * `from {{ ref('a') }} as a join {{ ref('b') }} as b on a.x = b.y`.
 */
export function joinSql(erd: Erd, path: ErdNode[], joins: JoinStep[]): string {
  const alias = aliases(erd, path);
  const lines = [
    'select *',
    `from ${dbtRelation(erd, path[0])} as ${alias.get(path[0].id)}`,
  ];
  joins.forEach((join, i) => {
    const on = join.from_columns
      .map(
        (column, c) =>
          `${alias.get(join.from_id)}.${sqlIdentifier(column)} = ` +
          `${alias.get(join.to_id)}.${sqlIdentifier(join.to_columns[c])}`,
      )
      .join(' and ');
    const table = path[i + 1];
    lines.push(
      `join ${dbtRelation(erd, table)} as ${alias.get(table.id)} on ${on}`,
    );
  });
  return lines.join('\n');
}
