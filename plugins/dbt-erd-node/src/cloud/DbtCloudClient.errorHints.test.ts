import {
  ACCOUNT_ID,
  clientFor,
  failureOf,
  OTHER_TOKEN,
  paths,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';

/** Issue 18.7: 401/403/404 name the causes that fit real 2026 accounts. */
describe('DbtCloudClient error hints', () => {
  const fake = useFakeDbtCloud();

  it('401 points at the token and at the access URL it belongs to', async () => {
    const wrong = clientFor(fake.server, { token: 'dbtc_wrong' });
    const { error } = await failureOf(() => wrong.getRun(123));
    await wrong.close();
    expect(error.message).toMatch(
      /\(401\); check that the service token is valid and not revoked, and that the access URL is this account's own \(Account settings → Access URLs\)$/,
    );
  });

  it('403 on the Admin API names Job Viewer (Enterprise), Job Admin and personal access tokens', async () => {
    const other = clientFor(fake.server, { token: OTHER_TOKEN });
    const { error } = await failureOf(() => other.fetchJobArtifacts(45));
    await other.close();
    expect(error.name).toBe('DbtCloudAuthError');
    expect(error.message).toContain('Job Viewer exists on Enterprise plans');
    expect(error.message).toContain('Job Admin');
    expect(error.message).toContain(
      'on Developer and Starter plans a personal access token, since their service tokens carry only Semantic Layer permissions',
    );
  });

  it('403 on the Discovery API names Metadata Only, without the Admin API hint', async () => {
    fake.server.inject(paths.graphql, { kind: 'status', status: 403 });
    const { error } = await failureOf(() =>
      fake.client.getEnvironmentAppliedState(7),
    );
    expect(error.message).toMatch(/needs Metadata Only permission or broader$/);
  });

  it('404 from an artifact endpoint may also mean "not authorised"', async () => {
    fake.server.inject(paths.runArtifact(ACCOUNT_ID, 123, 'manifest.json'), {
      kind: 'status',
      status: 404,
    });
    const { error } = await failureOf(() => fake.client.fetchRunArtifacts(123));
    expect(error.name).toBe('DbtCloudNotFoundError');
    expect(error.message).toContain(
      'or the token may lack read access to the job\'s runs (dbt Cloud answers 404 for "not authorised" here too)',
    );
  });
});
