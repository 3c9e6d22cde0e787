import { ErdInputError } from '../errors';
import { d2Target } from './d2';
import { dbmlTarget } from './dbml';
import { drawdbTarget } from './drawdb';
import { graphvizTarget } from './graphviz';
import { jsonTarget } from './json';
import { mermaidTarget } from './mermaid';
import { plantumlTarget } from './plantuml';
import { ErdTarget } from './types';

const TARGETS: readonly ErdTarget[] = [
  dbmlTarget,
  mermaidTarget,
  plantumlTarget,
  d2Target,
  graphvizTarget,
  drawdbTarget,
  jsonTarget,
];

/** Names accepted by `renderErd`. */
export const ERD_TARGETS: readonly string[] = TARGETS.map(t => t.name);

/** Every target's name and label, in the registry's order: what export menus list. */
export const ERD_TARGET_LABELS: ReadonlyArray<{ name: string; label: string }> =
  TARGETS.map(t => ({ name: t.name, label: t.label }));

export function getErdTarget(name: string): ErdTarget {
  const target = TARGETS.find(t => t.name === name);
  if (!target) {
    throw new ErdInputError(
      `target "${name}" is not supported; use one of ${ERD_TARGETS.join(', ')}`,
    );
  }
  return target;
}
