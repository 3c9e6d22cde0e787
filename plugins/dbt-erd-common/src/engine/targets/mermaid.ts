import { Cardinality, Erd, ErdEdge, ErdNode, RenderOptions } from '../types';
import { edgeEntityNames } from './entityNames';
import {
  mermaidAttributeWord,
  mermaidLabelWord,
  mermaidQuoted,
} from './escape/mermaid';
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

/** Mermaid cannot draw spaces or dots in attribute names (dbterd's spelling). */
function mermaidName(name: string): string {
  return name.replace(/ /g, '-').replace(/\./g, '__');
}

/** `struct<a string, b int>` cannot be drawn; its root type stands in. */
function mermaidType(type: string): string {
  const complex = /^([\p{L}\p{N}_]+)<.*>/u.exec(type);
  return complex ? `${complex[1]}[OMITTED]` : type.replace(/ /g, '-');
}

function formatTable(node: ErdNode, omitColumns: boolean): string {
  const label = node.label
    ? `[${mermaidQuoted(node.label.toUpperCase())}]`
    : '';
  const head = `  ${mermaidQuoted(node.name.toUpperCase())}${label} {`;
  if (omitColumns) return `${head}\n  }`;
  const columns = node.columns
    .map(
      c =>
        `    ${mermaidAttributeWord(
          mermaidType(c.data_type),
        )} ${mermaidAttributeWord(mermaidName(c.name))}${
          c.is_primary_key ? ' PK' : ''
        }`,
    )
    .join('\n');
  return `${head}\n${columns}\n  }`;
}

/**
 * The relationship label: its meta label, else the referenced columns and,
 * when they differ, `--` and the referencing ones. Composite keys join their
 * columns with `_and_` (dbterd's word for multi-column keys) so the label
 * stays one Mermaid token.
 */
function referenceText(edge: ErdEdge): string {
  if (edge.label) return mermaidLabelWord(mermaidName(edge.label));
  const to = edge.to_columns.map(mermaidName).join('_and_');
  const from = edge.from_columns.map(mermaidName).join('_and_');
  const word = mermaidLabelWord(to === from ? to : `${to}--${from}`);
  // Inferred edges say so; a quoted label may hold the space (the word has no quotes).
  return edge.provenance === 'inferred' ? `"${word} (inferred)"` : word;
}

/** Mermaid `erDiagram`. */
export const mermaidTarget: ErdTarget = {
  name: 'mermaid',
  label: 'Mermaid',
  fileName: 'output.md',
  contentType: 'text/markdown; charset=utf-8',
  render(erd: Erd, options: RenderOptions = {}) {
    const names = edgeEntityNames(erd);
    const sections = [
      'erDiagram',
      ...erd.nodes.map(n => formatTable(n, Boolean(options.omitColumns))),
    ];
    for (const edge of erd.edges) {
      const { from, to } = names(edge);
      const symbol = SYMBOLS[edge.cardinality] ?? DEFAULT_SYMBOL;
      sections.push(
        `  ${mermaidQuoted(from.toUpperCase())} ${symbol} ${mermaidQuoted(
          to.toUpperCase(),
        )}: ${referenceText(edge)}`,
      );
    }
    return textDocument(sections);
  },
};
