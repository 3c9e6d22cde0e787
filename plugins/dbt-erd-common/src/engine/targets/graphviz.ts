import { Erd, ErdColumn, ErdNode } from '../types';
import { edgeEntityNames } from './entityNames';
import { dotHtmlText, dotQuoted } from './escape/graphviz';
import { textDocument } from './textDocument';
import { ErdTarget } from './types';

const HEADER = [
  'digraph g {',
  '  fontname="Helvetica,Arial,sans-serif"',
  '  node [fontname="Helvetica,Arial,sans-serif"]',
  '  edge [fontname="Helvetica,Arial,sans-serif"]',
  '  graph [fontsize=30 labelloc="t" label="" splines=true overlap=false rankdir="LR"];',
  '  ratio=auto;',
].join('\n');

function columnRow(column: ErdColumn): string {
  const text = dotHtmlText(`(${column.data_type}) ${column.name}`);
  const cell = column.is_primary_key ? `<b>${text} [PK]</b>` : text;
  return `         <tr><td align="left">${cell}</td></tr>`;
}

function formatTable(node: ErdNode): string {
  return [
    `  ${dotQuoted(node.name)} [`,
    '    style = "filled, bold"',
    '    penwidth = 1',
    '    fillcolor = "white"',
    '    fontname = "Courier New"',
    '    shape = "Mrecord"',
    '    label =<',
    '      <table border="0" cellborder="0" cellpadding="3" bgcolor="white">',
    `         <tr><td bgcolor="black" align="center" colspan="2"><font color="white">${dotHtmlText(
      node.name,
    )}</font></td></tr>`,
    node.columns.map(columnRow).join('\n'),
    '      </table>> ];',
  ].join('\n');
}

/** GraphViz DOT with HTML-like table labels. */
export const graphvizTarget: ErdTarget = {
  name: 'graphviz',
  label: 'GraphViz',
  fileName: 'output.graphviz',
  contentType: 'text/vnd.graphviz; charset=utf-8',
  render(erd: Erd) {
    const names = edgeEntityNames(erd);
    const connectors = erd.edges.map(edge => {
      const { from, to } = names(edge);
      return [
        `  ${dotQuoted(from)} -> ${dotQuoted(to)} [`,
        '    penwidth = 1',
        '    fontsize = 12',
        '    fontcolor = "black"',
        `    label = ${dotQuoted(
          `${edge.from_columns.join(', ')} = ${edge.to_columns.join(', ')}`,
        )}`,
        '  ];',
      ].join('\n');
    });
    return textDocument([
      HEADER,
      ...erd.nodes.map(formatTable),
      ...connectors,
      '}',
    ]);
  },
};
