import {
  describeErdSource,
  isDbtCloudSource,
  sourceLinkText,
} from './sourceInfo';

describe('describeErdSource', () => {
  it('says dbt Cloud only for dbt Cloud sources', () => {
    expect(
      describeErdSource({
        kind: 'dbt-cloud-job',
        name: 'acme',
        jobId: 42,
        runId: 1001,
      }),
    ).toBe('dbt Cloud acme, job 42, run 1001');
    expect(
      describeErdSource({
        kind: 'dbt-cloud-environment',
        name: 'acme',
        environmentId: 7,
      }),
    ).toBe('dbt Cloud acme, environment 7');
    expect(describeErdSource({ kind: 'local', name: 'demo' })).toBe(
      'local demo',
    );
    const url = {
      kind: 'url' as const,
      name: 'https://example.com/dbt',
      url: 'https://example.com/dbt',
    };
    expect(describeErdSource(url)).toBe('artifacts at https://example.com/dbt');
    expect(describeErdSource(url)).not.toMatch(/dbt Cloud/);
    expect(isDbtCloudSource(url)).toBe(false);
    expect(sourceLinkText(url)).toBe('Open the artifacts folder');
    expect(sourceLinkText({ kind: 'dbt-cloud-run', name: 'a', runId: 1 })).toBe(
      'View run in dbt Cloud',
    );
  });
});
