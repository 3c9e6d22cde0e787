import { InputError } from '@backstage/errors';
import {
  ACCOUNT_ID,
  failureOf,
  paths,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudClient } from './DbtCloudClient';
import { DbtCloudNotFoundError } from './errors';

describe('DbtCloudClient runs', () => {
  const fake = useFakeDbtCloud();

  it('reads a run and builds its page URL from the access URL', async () => {
    await expect(fake.client.getRun(123)).resolves.toEqual({
      id: 123,
      jobId: 45,
      projectId: 7,
      environmentId: undefined,
      status: 10,
      finishedAt: '2024-05-02T10:00:00Z',
      hasDocsGenerated: true,
      inProgress: false,
      isComplete: true,
      artifactsSaved: true,
      url: `${fake.server.url}/deploy/${ACCOUNT_ID}/projects/7/runs/123`,
    });
    expect(fake.server.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: paths.run(ACCOUNT_ID, 123),
        status: 200,
      }),
    ]);
  });

  it("prefers the run's own href, but only when it is an http(s) URL", async () => {
    expect((await fake.client.getRun(200)).url).toBe(
      'https://cloud.example.com/deploy/101/projects/7/runs/200/',
    );
    fake.server.addRun(ACCOUNT_ID, {
      id: 300,
      job_definition_id: 45,
      project_id: 7,
      href: ['javascript', 'alert(1)'].join(':'),
    });
    expect((await fake.client.getRun(300)).url).toBe(
      `${fake.server.url}/deploy/${ACCOUNT_ID}/projects/7/runs/300`,
    );
  });

  it('finds the newest successful run with docs of a job with the documented query', async () => {
    const run = await fake.client.getLatestSuccessfulRunWithDocs(45);
    expect(run.id).toBe(123);
    expect(fake.server.requests[0]).toMatchObject({
      path: paths.runs(ACCOUNT_ID),
      query: {
        job_definition_id: '45',
        status: '10',
        has_docs_generated: 'true',
        order_by: '-finished_at',
        // A few, so that one without saved artifacts can be passed over.
        limit: '10',
      },
    });
  });

  it('says so when a job has no successful run with docs', async () => {
    await expect(
      fake.client.findLatestSuccessfulRunWithDocs(47),
    ).resolves.toBeUndefined();
    const { error } = await failureOf(() =>
      fake.client.getLatestSuccessfulRunWithDocs(47),
    );
    expect(error).toBeInstanceOf(DbtCloudNotFoundError);
    expect(error.message).toBe(
      'no successful run with docs generated for job 47 in account main',
    );
  });

  it('names the run and account when a run does not exist', async () => {
    const { error } = await failureOf(() => fake.client.getRun(999));
    expect(error.name).toBe('DbtCloudNotFoundError');
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      'dbt Cloud run 999 not found in account main (404)',
    );
    expect(fake.server.requestCount()).toBe(1);
  });

  it('rejects ids that are not positive integers before sending anything', async () => {
    for (const id of [0, -1, 1.5, Number.NaN]) {
      await expect(fake.client.getRun(id)).rejects.toBeInstanceOf(InputError);
    }
    await expect(
      fake.client.getRunArtifact(Number('12/../../x'), 'manifest.json'),
    ).rejects.toBeInstanceOf(InputError);
    expect(fake.server.requestCount()).toBe(0);
  });

  it('rejects unusable options at construction', () => {
    const base = {
      accountName: 'main',
      accessUrl: 'https://cloud.getdbt.com',
      token: 't',
    };
    expect(() => new DbtCloudClient({ ...base, accountId: 'abc' })).toThrow(
      /accountId must be numeric/,
    );
    expect(
      () => new DbtCloudClient({ ...base, accountId: 1, token: ' ' }),
    ).toThrow(/token is missing/);
    expect(
      () => new DbtCloudClient({ ...base, accountId: 1, accessUrl: 'ftp://x' }),
    ).toThrow(/http\(s\) URL/);
  });
});
