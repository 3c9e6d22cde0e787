import { ErdInputError } from '../errors';
import { ERD_TARGETS, getErdTarget } from './registry';

describe('target registry', () => {
  it('lists dbterd targets with their file names', () => {
    expect(
      ERD_TARGETS.map(name => [name, getErdTarget(name).fileName]),
    ).toEqual([
      ['dbml', 'output.dbml'],
      ['mermaid', 'output.md'],
      ['plantuml', 'output.plantuml'],
      ['d2', 'output.d2'],
      ['graphviz', 'output.graphviz'],
      ['drawdb', 'output.ddb'],
      ['json', 'output.json'],
    ]);
  });

  it('rejects unknown targets', () => {
    expect(() => getErdTarget('svg')).toThrow(ErdInputError);
  });
});
