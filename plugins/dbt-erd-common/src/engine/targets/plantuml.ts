import { Cardinality, Erd, ErdColumn, ErdNode } from '../types';
import { edgeEntityNames } from './entityNames';
import { plantumlMember, plantumlText } from './escape/plantuml';
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
  const type = plantumlText(column.data_type);
  return column.is_primary_key
    ? `    *${plantumlText(column.name)} : ${type} <<PK>>`
    : `    ${plantumlMember(column.name)} : ${type}`;
}

/** IE notation: key attributes first, then `--`, then the others. */
function formatTable(node: ErdNode): string {
  const keys = node.columns.filter(c => c.is_primary_key).map(columnLine);
  const others = node.columns.filter(c => !c.is_primary_key).map(columnLine);
  const lines =
    keys.length > 0 && others.length > 0
      ? [...keys, '    --', ...others]
      : [...keys, ...others];
  return `entity "${plantumlText(node.name)}" {\n${lines.join('\n')}\n  }`;
}

/** PlantUML IE diagram. Connectors carry no columns, so repeats are drawn once. */
export const plantumlTarget: ErdTarget = {
  name: 'plantuml',
  label: 'PlantUML',
  fileName: 'output.plantuml',
  contentType: 'text/plain; charset=utf-8',
  render(erd: Erd) {
    const names = edgeEntityNames(erd);
    const connectors = new Set<string>();
    for (const edge of erd.edges) {
      const { from, to } = names(edge);
      connectors.add(
        `  "${plantumlText(from)}" ${
          SYMBOLS[edge.cardinality] ?? DEFAULT_SYMBOL
        } "${plantumlText(to)}"`,
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
