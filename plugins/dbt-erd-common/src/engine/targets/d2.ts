import { Erd, ErdNode } from '../types';
import { edgeEntityNames } from './entityNames';
import { textDocument } from './textDocument';
import { ErdTarget } from './types';

function formatTable(node: ErdNode): string {
  const columns = node.columns
    .map(
      c =>
        `  ${c.name}: ${c.data_type}${
          c.is_primary_key ? ' {constraint: primary_key}' : ''
        }`,
    )
    .join('\n');
  return `"${node.name}": {\n  shape: sql_table\n${columns}\n}`;
}

/** D2 `sql_table` shapes; D2 has no cardinality notation. */
export const d2Target: ErdTarget = {
  name: 'd2',
  fileName: 'output.d2',
  contentType: 'text/plain; charset=utf-8',
  render(erd: Erd) {
    const names = edgeEntityNames(erd);
    const connectors = erd.edges.map(edge => {
      const { from, to } = names(edge);
      return `"${from}" -> "${to}": "${edge.from_columns.join(
        ', ',
      )} = ${edge.to_columns.join(', ')}"`;
    });
    return textDocument([...erd.nodes.map(formatTable), ...connectors]);
  },
};
