import { Cardinality, Erd, ErdColumn, ErdNode } from '../types';
import { edgeEntityNames } from './entityNames';
import { textDocument } from './textDocument';
import { ErdTarget } from './types';

const SYMBOLS: Partial<Record<Cardinality, string>> = {
  '01': '}o--||',
  '11': '||--||',
  '0n': '}o--|{',
  '1n': '||--|{',
  nn: '}|--|{',
};
const DEFAULT_SYMBOL = '}|--||';

function columnLine(column: ErdColumn): string {
  return column.is_primary_key
    ? `    *${column.name} : ${column.data_type} <<PK>>`
    : `    ${column.name} : ${column.data_type}`;
}

/** IE notation: key attributes first, then `--`, then the others. */
function formatTable(node: ErdNode): string {
  const keys = node.columns.filter(c => c.is_primary_key).map(columnLine);
  const others = node.columns.filter(c => !c.is_primary_key).map(columnLine);
  const lines =
    keys.length > 0 && others.length > 0
      ? [...keys, '    --', ...others]
      : [...keys, ...others];
  return `entity "${node.name}" {\n${lines.join('\n')}\n  }`;
}

/** PlantUML IE diagram. Connectors carry no columns, so repeats are drawn once. */
export const plantumlTarget: ErdTarget = {
  name: 'plantuml',
  fileName: 'output.plantuml',
  contentType: 'text/plain; charset=utf-8',
  render(erd: Erd) {
    const names = edgeEntityNames(erd);
    const connectors = new Set<string>();
    for (const edge of erd.edges) {
      const { from, to } = names(edge);
      connectors.add(
        `  "${from}" ${SYMBOLS[edge.cardinality] ?? DEFAULT_SYMBOL} "${to}"`,
      );
    }
    return textDocument([
      '@startuml',
      ...erd.nodes.map(formatTable),
      ...connectors,
      '@enduml',
    ]);
  },
};
