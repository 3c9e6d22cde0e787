import { Erd, ErdEdge } from 'backstage-plugin-dbt-erd-common';

/**
 * Inferred relationships in the tab: which edges are guesses, whether to
 * draw them by default, and the dbt `relationships` test that would turn a
 * guess into a declaration.
 */

export const isInferredEdge = (edge: ErdEdge): boolean =>
  edge.provenance === 'inferred';

/** The dash of an inferred edge's line; declared edges are solid. */
export const INFERRED_DASH = '6 4';

export interface RelationshipCounts {
  declared: number;
  inferred: number;
}

export function relationshipCounts(erd: Erd): RelationshipCounts {
  const inferred = erd.edges.filter(isInferredEdge).length;
  return { declared: erd.edges.length - inferred, inferred };
}

/** "12 declared, 85 inferred from SQL". */
export function describeCounts({
  declared,
  inferred,
}: RelationshipCounts): string {
  return `${declared} declared, ${inferred} inferred from SQL`;
}

/** On when the project declares fewer relationships than it has tables. */
export function showInferredByDefault(erd: Erd): boolean {
  const { declared } = relationshipCounts(erd);
  return declared < erd.nodes.length;
}

/** The ERD with or without its inferred edges. */
export function withInferred(erd: Erd, shown: boolean): Erd {
  if (shown || !erd.edges.some(isInferredEdge)) return erd;
  return { ...erd, edges: erd.edges.filter(e => !isInferredEdge(e)) };
}

/** YAML needs quotes around names it would otherwise read as something else. */
function yamlScalar(value: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(value) ? value : JSON.stringify(value);
}

/** `ref('customers')` or `source('raw', 'customers')` for a node id. */
function dbtReference(id: string): string {
  const parts = id.split('.');
  if (parts[0] === 'source' && parts.length >= 4)
    return `source('${parts[2]}', '${parts.slice(3).join('.')}')`;
  return `ref('${parts[2] ?? id}')`;
}

/** The schema.yml lines down to `columns:`, and the indent of a column entry. */
function tableHeader(tableId: string): { lines: string[]; indent: string } {
  const parts = tableId.split('.');
  if (parts[0] === 'source' && parts.length >= 4) {
    return {
      lines: [
        'sources:',
        `  - name: ${yamlScalar(parts[2])}`,
        '    tables:',
        `      - name: ${yamlScalar(parts.slice(3).join('.'))}`,
        '        columns:',
      ],
      indent: '          ',
    };
  }
  return {
    lines: [
      'models:',
      `  - name: ${yamlScalar(parts[2] ?? tableId)}`,
      '    columns:',
    ],
    indent: '      ',
  };
}

function columnTest(edge: ErdEdge, indent: string): string[] {
  return [
    `${indent}- name: ${yamlScalar(edge.from_columns[0])}`,
    `${indent}  data_tests:`,
    `${indent}    - relationships:`,
    `${indent}        to: ${JSON.stringify(dbtReference(edge.to_id))}`,
    `${indent}        field: ${yamlScalar(edge.to_columns[0])}`,
  ];
}

/**
 * The `relationships` test for the FK table's schema.yml, as dbt 1.8+
 * writes it (`data_tests:`; older projects say `tests:`).
 */
export function relationshipTestYaml(edge: ErdEdge): string {
  const { lines, indent } = tableHeader(edge.from_id);
  return `${[...lines, ...columnTest(edge, indent)].join('\n')}\n`;
}

/** Every inferred relationship leaving one table, as one schema.yml block. */
export function tableInferredYaml(tableId: string, erd: Erd): string | null {
  const edges = erd.edges.filter(
    e => isInferredEdge(e) && e.from_id === tableId,
  );
  if (edges.length === 0) return null;
  const { lines, indent } = tableHeader(tableId);
  for (const edge of edges) lines.push(...columnTest(edge, indent));
  return `${lines.join('\n')}\n`;
}
