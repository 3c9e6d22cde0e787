import {
  FakeArtifactBody,
  FakeDbtCloudAccount,
  FakeDbtCloudRun,
  FakeDbtCloudServer,
} from '../../testing';

/** The dbt Cloud account the CLI tests download from. */
export const ACCOUNT_ID = 101;

/** Run 7 of job 45, successful, finished 2024-05-02T10:00Z, serving these artifacts. */
export function run7OfJob45(
  artifacts: Record<string, FakeArtifactBody>,
): FakeDbtCloudRun {
  return {
    id: 7,
    job_definition_id: 45,
    finished_at: '2024-05-02T10:00:00Z',
    artifacts,
  };
}

/** A started fake dbt Cloud holding account 101 (its token, runs and job artifacts). */
export function startFakeDbtCloud(
  account: Omit<FakeDbtCloudAccount, 'id'>,
): Promise<FakeDbtCloudServer> {
  return new FakeDbtCloudServer({
    accounts: [{ id: ACCOUNT_ID, ...account }],
  }).start();
}
