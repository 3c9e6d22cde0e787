import { mermaidTarget } from '../../targets/mermaid';
import { displayNames } from '../displayNames';
import { focusErd } from '../focusErd';
import {
  AddedRemovedChanged,
  ErdDiff,
  ErdDiffSide,
  RelationshipChange,
  TableChange,
} from '../types';
import { ErdDiffTarget } from './types';

const LONGEST_VALUE = 60;

/** Markdown that would format names like `a*b*` or `<x>`; underscores inside words are safe in GFM. */
function escapeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*<>[\]|~]/g, char => `\\${char}`);
}

/** A code span that holds any value, backticks and newlines included. */
function code(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  const shown =
    oneLine.length > LONGEST_VALUE
      ? `${oneLine.slice(0, LONGEST_VALUE - 1)}…`
      : oneLine;
  const fence = shown.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${shown}${
    fence.length > 1 ? ' ' : ''
  }${fence}`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  return typeof value === 'string' ? code(value) : String(value);
}

function fieldChangesText(
  from: Record<string, unknown>,
  to: Record<string, unknown>,
): string {
  return Object.keys(to)
    .map(
      field => `${field} ${valueText(from[field])} → ${valueText(to[field])}`,
    )
    .join(', ');
}

function counts(what: string, c: AddedRemovedChanged): string {
  return `**${what}:** ${c.added} added, ${c.removed} removed, ${c.changed} changed`;
}

function sideText(side: ErdDiffSide): string {
  const source = side.source ? `${code(side.source)} ` : '';
  return `${source}(generated ${side.generated_at || 'at an unknown time'})`;
}

type Edge = Pick<
  RelationshipChange,
  'from_id' | 'to_id' | 'from_columns' | 'to_columns'
>;

function renderMarkdown(
  diff: ErdDiff,
  erds: Parameters<ErdDiffTarget['render']>[1],
): string {
  const name = displayNames([
    ...erds.base.nodes.map(n => n.id),
    ...erds.head.nodes.map(n => n.id),
  ]);
  const end = (id: string, columns: string[]) =>
    `${name(id)}.${
      columns.length === 1 ? columns[0] : `(${columns.join(', ')})`
    }`;
  const relationship = (edge: Edge) =>
    escapeText(
      `${end(edge.from_id, edge.from_columns)} → ${end(
        edge.to_id,
        edge.to_columns,
      )}`,
    );
  const table = (id: string) => `Table ${code(name(id))}`;
  const tableChange = (change: TableChange) => {
    const head = Object.keys(change.to).length
      ? `${table(change.id)}: ${fieldChangesText(change.from, change.to)}`
      : table(change.id);
    const columns = [
      ...change.columns.removed.map(c => `column ${code(c)} removed`),
      ...change.columns.changed.map(
        c => `column ${code(c.name)}: ${fieldChangesText(c.from, c.to)}`,
      ),
      ...change.columns.added.map(c => `column ${code(c)} added`),
    ];
    return [`- ${head}`, ...columns.map(line => `  - ${line}`)].join('\n');
  };

  const { tables, relationships, summary } = diff;
  const sections: string[] = [
    '### ERD diff',
    [
      counts('Tables', summary.tables),
      counts('Columns', summary.columns),
      counts('Relationships', summary.relationships),
    ].join(' · '),
    `Base ${sideText(diff.base)} → head ${sideText(diff.head)}`,
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) sections.push(`#### ${title}`, lines.join('\n'));
  };
  section('Removed', [
    ...tables.removed.map(id => `- ${table(id)}`),
    ...relationships.removed.map(
      e => `- ${relationship(e)} (removed: ${escapeText(e.why.text)})`,
    ),
  ]);
  section('Changed', [
    ...tables.changed.map(tableChange),
    ...relationships.changed.map(
      e => `- ${relationship(e)} (changed: ${escapeText(e.why.text)})`,
    ),
  ]);
  section('Added', [
    ...tables.added.map(id => `- ${table(id)}`),
    ...relationships.added.map(e => `- ${relationship(e)} (added)`),
  ]);

  const focus = focusErd(diff, erds.base, erds.head);
  if (focus.erd.nodes.length === 0) {
    sections.push('No changes to tables, columns or relationships.');
  } else {
    sections.push(
      `Changed tables and their neighbours${
        focus.omittedTables > 0
          ? ` (${focus.omittedTables} more not drawn)`
          : ''
      }:`,
      `\`\`\`mermaid\n${mermaidTarget.render(focus.erd).trimEnd()}\n\`\`\``,
    );
  }
  return `${sections.join('\n\n')}\n`;
}

/** `erd-diff.md`: a pull-request comment with the changes and a Mermaid diagram of them. */
export const diffMarkdownTarget: ErdDiffTarget = {
  name: 'markdown',
  fileName: 'erd-diff.md',
  contentType: 'text/markdown; charset=utf-8',
  render: renderMarkdown,
};
