import {
  APPLIED_STATE_RESOURCES,
  buildAppliedStateQuery,
} from './appliedStateQuery';

describe('buildAppliedStateQuery', () => {
  it('declares and selects only the pending resource types', () => {
    const query = buildAppliedStateQuery(
      APPLIED_STATE_RESOURCES.filter(r => r.key === 'models'),
    );
    expect(query).toContain('$modelsAfter: String');
    expect(query).toContain('models(first: $first, after: $modelsAfter)');
    expect(query).not.toContain('sources');
    expect(query).not.toContain('definition');
  });

  it('puts semantic models under definition and the rest under applied', () => {
    const query = buildAppliedStateQuery(APPLIED_STATE_RESOURCES);
    expect(query).toMatch(
      /applied \{ models\(.*tests\(.*\} definition \{ semanticModels\(/,
    );
    expect(query).toContain('environment(id: $environmentId)');
  });
});
