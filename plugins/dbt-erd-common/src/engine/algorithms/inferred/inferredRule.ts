import { ErdInputError } from '../../errors';
import { EdgeConfidence } from '../../types';

/** `inferred:(confidence:low|parser:off)`: the lowest confidence drawn, and whether to use the SQL parser. */
export interface InferredRule {
  minConfidence: EdgeConfidence;
  useParser: boolean;
}

const EXAMPLE = 'inferred:(confidence:low|parser:off)';
const CONFIDENCES: EdgeConfidence[] = ['high', 'medium', 'low'];

export function parseInferredRule(algo: string): InferredRule {
  const rule: InferredRule = { minConfidence: 'medium', useParser: true };
  const compact = algo.replace(/\s+/g, '');
  const colon = compact.indexOf(':');
  if (colon < 0) return rule;
  const body = compact.slice(colon + 1);
  const fail = (problem: string) =>
    new ErdInputError(`algo "${algo}": ${problem}; write it like ${EXAMPLE}`);
  if (!body.startsWith('(') || !body.endsWith(')'))
    throw fail('the rule must be wrapped in parentheses');
  for (const part of body.slice(1, -1).split('|')) {
    const [key, value, ...rest] = part.split(':');
    if (rest.length > 0 || !key || !value)
      throw fail(`"${part}" is not a key:value pair`);
    if (key === 'confidence' && CONFIDENCES.includes(value as EdgeConfidence)) {
      rule.minConfidence = value as EdgeConfidence;
    } else if (key === 'parser' && (value === 'on' || value === 'off')) {
      rule.useParser = value === 'on';
    } else {
      throw fail(
        `"${part}" is not understood (confidence: high, medium or low; parser: on or off)`,
      );
    }
  }
  return rule;
}

export function confidenceRank(confidence: EdgeConfidence): number {
  return CONFIDENCES.length - CONFIDENCES.indexOf(confidence);
}
