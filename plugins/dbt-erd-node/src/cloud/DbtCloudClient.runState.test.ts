import {
  ACCOUNT_ID,
  catalog,
  failureOf,
  manifest,
  paths,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudNotFoundError, DbtCloudRunNotReadyError } from './errors';

const withInvocation = (artifact: object, invocationId: string) => ({
  ...artifact,
  metadata: {
    ...(artifact as { metadata: object }).metadata,
    generated_at: '2024-05-02T10:00:00Z',
    invocation_id: invocationId,
  },
});

/** Issue 18.4 (run state), 18.5 (one run for both files) and 18.9 (Fusion jobs). */
describe('DbtCloudClient run state', () => {
  const fake = useFakeDbtCloud();
  const artifactRequests = () => fake.server.requestCount(/\/artifacts\//);

  describe('a pinned run', () => {
    it.each([
      [1, 'queued'],
      [2, 'starting'],
      [3, 'running'],
    ])(
      'in status %i is a 409-style "still %s" without downloading',
      async (status, name) => {
        fake.server.addRun(ACCOUNT_ID, {
          id: 130,
          job_definition_id: 45,
          status,
          artifacts: { 'manifest.json': manifest },
        });
        const { error } = await failureOf(() =>
          fake.client.fetchRunArtifacts(130),
        );
        expect(error).toBeInstanceOf(DbtCloudRunNotReadyError);
        expect(error.message).toBe(
          `dbt Cloud run 130 is still ${name} in account main; its artifacts can be read once it has finished`,
        );
        expect(artifactRequests()).toBe(0);
      },
    );

    it('that saved no artifacts is a clear 404 without downloading', async () => {
      fake.server.addRun(ACCOUNT_ID, {
        id: 131,
        job_definition_id: 45,
        status: 20,
        artifacts_saved: false,
      });
      const { error } = await failureOf(() =>
        fake.client.fetchRunArtifacts(131),
      );
      expect(error).toBeInstanceOf(DbtCloudNotFoundError);
      expect(error.message).toBe(
        "dbt Cloud run 131 saved no artifacts (artifacts_saved is false) in account main; pin a run that did, or use the job's latest successful run",
      );
      expect(artifactRequests()).toBe(0);
    });
  });

  describe('a job lookup', () => {
    it('passes over a newer successful run that saved no artifacts', async () => {
      fake.server.addRun(ACCOUNT_ID, {
        id: 126,
        job_definition_id: 45,
        finished_at: '2024-05-04T10:00:00Z',
        artifacts_saved: false,
      });
      const artifacts = await fake.client.fetchJobArtifacts(45);
      expect(artifacts.run?.id).toBe(123);
      expect(artifacts.warnings).toEqual([]);
      expect(fake.server.requestCount(/\/runs\/126\//)).toBe(0);
    });

    it('reads both files from one run', async () => {
      await fake.client.fetchJobArtifacts(45);
      expect(fake.server.requestCount(/\/jobs\//)).toBe(0);
      expect(
        fake.server.requestCount(
          paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json'),
        ),
      ).toBe(1);
      expect(
        fake.server.requestCount(
          paths.runArtifact(ACCOUNT_ID, 123, 'catalog.json'),
        ),
      ).toBe(1);
    });

    it('falls back to the newest successful run with a catalog.json when none generated docs (dbt Fusion)', async () => {
      for (const run of [
        {
          id: 502,
          finished_at: '2024-06-03T00:00:00Z',
          files: ['manifest.json'],
        },
        {
          id: 501,
          finished_at: '2024-06-02T00:00:00Z',
          files: ['manifest.json', 'catalog.json'],
        },
        {
          id: 500,
          finished_at: '2024-06-01T00:00:00Z',
          files: ['manifest.json', 'catalog.json'],
        },
      ]) {
        fake.server.addRun(ACCOUNT_ID, {
          id: run.id,
          job_definition_id: 50,
          finished_at: run.finished_at,
          has_docs_generated: false,
          artifacts: Object.fromEntries(
            run.files.map(f => [f, f === 'catalog.json' ? catalog : manifest]),
          ),
        });
      }
      const artifacts = await fake.client.fetchJobArtifacts(50);
      expect(artifacts.run?.id).toBe(501);
      expect(artifacts.catalog).toEqual(catalog);
      expect(artifacts.warnings).toEqual([
        'no successful run with docs generated for job 50 in account main; using run 501, the newest successful run with a catalog.json (dbt Fusion jobs write it with dbt compile --write-catalog)',
      ]);
      expect(
        fake.server.requestCount(paths.runArtifacts(ACCOUNT_ID, 502)),
      ).toBe(1);
      expect(fake.server.requestCount(/\/jobs\//)).toBe(0);
    });

    it('uses the newest successful run, and says so, when no run has a catalog', async () => {
      fake.server.addRun(ACCOUNT_ID, {
        id: 510,
        job_definition_id: 51,
        has_docs_generated: false,
        artifacts: { 'manifest.json': manifest },
      });
      const artifacts = await fake.client.fetchJobArtifacts(51);
      expect(artifacts.run?.id).toBe(510);
      expect(artifacts.warnings).toEqual([
        'no successful run with docs generated for job 51 in account main; using run 510, the newest successful run',
        expect.stringMatching(/^catalog\.json not found for dbt Cloud run 510/),
      ]);
    });
  });

  describe("the job's latest artifacts, when the job has no readable run", () => {
    it.each(['json', 'bytes'] as const)(
      'warns (%s) when manifest and catalog come from different dbt invocations',
      async as => {
        fake.server.setJobArtifact(
          ACCOUNT_ID,
          47,
          'manifest.json',
          withInvocation(manifest, 'aaaa-1111'),
        );
        fake.server.setJobArtifact(
          ACCOUNT_ID,
          47,
          'catalog.json',
          withInvocation(catalog, 'bbbb-2222'),
        );
        const artifacts = await fake.client.fetchJobArtifacts(47, { as });
        expect(artifacts.warnings).toEqual([
          "no successful run with docs generated for job 47 in account main; showing the job's latest artifacts",
          'manifest.json and catalog.json of dbt Cloud job 47 come from different dbt runs (manifest: invocation aaaa-1111, generated 2024-05-02T10:00:00Z; catalog: invocation bbbb-2222, generated 2024-05-02T10:00:00Z); column types may not match the models. Enable "Generate docs on run" so one run writes both',
        ]);
      },
    );

    it('says nothing more when both come from the same invocation', async () => {
      fake.server.setJobArtifact(
        ACCOUNT_ID,
        47,
        'manifest.json',
        withInvocation(manifest, 'same'),
      );
      fake.server.setJobArtifact(
        ACCOUNT_ID,
        47,
        'catalog.json',
        withInvocation(catalog, 'same'),
      );
      const artifacts = await fake.client.fetchJobArtifacts(47, {
        as: 'bytes',
      });
      expect(artifacts.warnings).toHaveLength(1);
    });
  });
});
