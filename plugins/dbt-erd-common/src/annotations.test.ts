import {
  DBT_ARTIFACTS_LOCATION_ANNOTATION,
  DBT_CLOUD_CI_JOB_ID_ANNOTATION,
  DBT_CLOUD_JOB_ID_ANNOTATION,
  DBT_ERD_SELECT_ANNOTATION,
  isDbtErdAvailable,
} from './annotations';

const entity = (annotations?: Record<string, string>) => ({
  metadata: { annotations },
});

describe('isDbtErdAvailable', () => {
  it('is true for any source annotation', () => {
    expect(
      isDbtErdAvailable(entity({ [DBT_CLOUD_JOB_ID_ANNOTATION]: '42' })),
    ).toBe(true);
    expect(
      isDbtErdAvailable(
        entity({ [DBT_ARTIFACTS_LOCATION_ANNOTATION]: 'local:demo' }),
      ),
    ).toBe(true);
  });

  it('is false without annotations, with blank values, or with options only', () => {
    expect(isDbtErdAvailable(entity())).toBe(false);
    expect(
      isDbtErdAvailable(entity({ [DBT_CLOUD_JOB_ID_ANNOTATION]: '  ' })),
    ).toBe(false);
    expect(
      isDbtErdAvailable(entity({ [DBT_ERD_SELECT_ANNOTATION]: 'model.x' })),
    ).toBe(false);
    // The CI job is what to compare with, not a source of its own.
    expect(
      isDbtErdAvailable(entity({ [DBT_CLOUD_CI_JOB_ID_ANNOTATION]: '46' })),
    ).toBe(false);
  });
});
