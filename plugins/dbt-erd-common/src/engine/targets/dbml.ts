import { Cardinality, Erd, ErdNode, RenderOptions } from '../types';
import { edgeEntityNames } from './entityNames';
import { dbmlBareName, dbmlComment, dbmlQuoted } from './escape/dbml';
import { pyJsonString } from './pyJson';
import { textDocument } from './textDocument';
import { ErdTarget } from './types';

const REF_SYMBOLS: Partial<Record<Cardinality, string>> = {
  '11': '-',
  '01': '-',
  '1n': '<',
  '0n': '<',
  nn: '<>',
};
const DEFAULT_REF_SYMBOL = '>';

/** An entity name, quoted unless `omitEntityNameQuotes` asked for bare names. */
type EntityQuote = (name: string) => string;

function formatTable(node: ErdNode, quote: EntityQuote): string {
  const columns = node.columns
    .map(
      c =>
        `  ${dbmlQuoted(c.name)} ${dbmlQuoted(c.data_type)}${
          c.description ? ` [note: ${pyJsonString(c.description)}]` : ''
        }`,
    )
    .join('\n');
  const primaryKeys = node.columns
    .filter(c => c.is_primary_key)
    .map(c => dbmlBareName(c.name));
  const indexes =
    primaryKeys.length > 0
      ? `  indexes {\n    (${primaryKeys.join(', ')}) [pk]\n  }\n`
      : '';
  return (
    `//--configured at schema: ${dbmlComment(
      `${node.database}.${node.schema_name}`,
    )}\n` +
    `Table ${quote(node.name)} {\n` +
    `${columns}\n\n` +
    `  Note: ${pyJsonString(node.description ?? '')}\n` +
    `${indexes}}`
  );
}

function columnRef(
  table: string,
  columns: string[],
  quote: EntityQuote,
): string {
  if (columns.length === 1) return `${quote(table)}.${dbmlQuoted(columns[0])}`;
  return `${quote(table)}.(${columns.map(dbmlQuoted).join(', ')})`;
}

function tableGroups(erd: Erd, quote: EntityQuote): string {
  const names = new Map(erd.nodes.map(node => [node.id, node.name]));
  return (erd.groups ?? [])
    .map(group => {
      const members = group.node_ids
        .map(id => `  ${quote(names.get(id) ?? id)}`)
        .join('\n');
      return `TableGroup ${quote(group.name)} {\n${members}\n}`;
    })
    .join('\n');
}

/** DBML for dbdiagram.io / dbdocs. */
export const dbmlTarget: ErdTarget = {
  name: 'dbml',
  label: 'DBML',
  fileName: 'output.dbml',
  contentType: 'text/plain; charset=utf-8',
  render(erd: Erd, options: RenderOptions = {}) {
    const quote: EntityQuote = options.omitEntityNameQuotes
      ? name => dbmlBareName(name, true)
      : dbmlQuoted;
    const names = edgeEntityNames(erd);
    const sections = ['//Tables (based on the selection criteria)'];
    sections.push(...erd.nodes.map(node => formatTable(node, quote)));
    sections.push('//Refs (based on the DBT Relationship Tests)');
    for (const edge of erd.edges) {
      const { from, to } = names(edge);
      const symbol = REF_SYMBOLS[edge.cardinality] ?? DEFAULT_REF_SYMBOL;
      // DBML refs take no note: a comment line above says the ref is a guess, and why.
      if (edge.provenance === 'inferred') {
        sections.push(
          `//inferred (${
            edge.confidence ?? 'unknown'
          } confidence): ${dbmlComment((edge.evidence ?? []).join('; '))}`,
        );
      }
      sections.push(
        `Ref: ${columnRef(
          from,
          edge.from_columns,
          quote,
        )} ${symbol} ${columnRef(to, edge.to_columns, quote)}`,
      );
    }
    const groups = tableGroups(erd, quote);
    if (groups) {
      sections.push(
        `//TableGroups (based on ${dbmlComment(
          erd.extras?.entityGroup ?? 'entity group',
        )})`,
        groups,
      );
    }
    return textDocument(sections);
  },
};
