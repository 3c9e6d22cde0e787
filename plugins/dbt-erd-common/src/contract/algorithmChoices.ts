import { ERD_ALGORITHMS } from '../engine/algorithms/registry';
import { ERD_RESOURCE_TYPES } from '../engine/selection/validateSelection';

/** How the tab names the engine's algorithms; a new one shows its own name until it has a label. */
const ALGORITHM_LABELS: Record<string, string> = {
  test_relationship: 'Relationship tests',
  semantic: 'Semantic models',
  model_contract: 'Model contracts',
  inferred: 'Inferred from SQL',
};

/** An `algo` value the tab offers, with what it is called there. */
export interface ErdAlgorithmChoice {
  value: string;
  label: string;
}

const label = (name: string) =>
  Object.hasOwn(ALGORITHM_LABELS, name) ? ALGORITHM_LABELS[name] : name;

/**
 * What the tab's algorithm menu offers: every algorithm of the engine's
 * registry, then declared relationships combined with inferred ones (the
 * combination people ask for most).
 */
export const ERD_ALGORITHM_CHOICES: readonly ErdAlgorithmChoice[] = [
  ...ERD_ALGORITHMS.map(name => ({ value: name, label: label(name) })),
  ...(ERD_ALGORITHMS.includes('inferred')
    ? [
        {
          value: 'test_relationship,inferred',
          label: `${label('test_relationship')} + inferred`,
        },
      ]
    : []),
];

/** The resource types the tab lets people pick: the engine's own list. */
export const ERD_RESOURCE_TYPE_CHOICES: readonly string[] = ERD_RESOURCE_TYPES;
