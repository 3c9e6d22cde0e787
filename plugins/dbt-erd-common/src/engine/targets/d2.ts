import { Erd, ErdNode } from '../types';
import { edgeEntityNames } from './entityNames';
import { d2Key, d2Quoted, d2Value } from './escape/d2';
import { textDocument } from './textDocument';
import { ErdTarget } from './types';

function formatTable(node: ErdNode): string {
  const columns = node.columns
    .map(
      c =>
        `  ${d2Key(c.name)}: ${d2Value(c.data_type)}${
          c.is_primary_key ? ' {constraint: primary_key}' : ''
        }`,
    )
    .join('\n');
  return `${d2Quoted(node.name)}: {\n  shape: sql_table\n${columns}\n}`;
}

/** D2 `sql_table` shapes; D2 has no cardinality notation. */
export const d2Target: ErdTarget = {
  name: 'd2',
  label: 'D2',
  fileName: 'output.d2',
  contentType: 'text/plain; charset=utf-8',
  render(erd: Erd) {
    const names = edgeEntityNames(erd);
    const connectors = erd.edges.map(edge => {
      const { from, to } = names(edge);
      const label = `${edge.from_columns.join(', ')} = ${edge.to_columns.join(
        ', ',
      )}`;
      return `${d2Quoted(from)} -> ${d2Quoted(to)}: ${d2Quoted(label)}`;
    });
    return textDocument([...erd.nodes.map(formatTable), ...connectors]);
  },
};
