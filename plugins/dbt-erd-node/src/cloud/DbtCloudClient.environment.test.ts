import {
  ACCOUNT_ID,
  paths,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudNotFoundError } from './errors';

describe('DbtCloudClient environment details', () => {
  const fake = useFakeDbtCloud();

  it("reads an environment's project from the Administrative API", async () => {
    fake.server.setEnvironment(ACCOUNT_ID, 31, { project_id: 8, name: 'Prod' });
    await expect(fake.client.getEnvironment(31)).resolves.toEqual({
      id: 31,
      projectId: 8,
      name: 'Prod',
    });
    expect(fake.server.requests).toEqual([
      expect.objectContaining({
        path: paths.environment(ACCOUNT_ID, 31),
        status: 200,
      }),
    ]);
  });

  it('an unknown environment is a DbtCloudNotFoundError naming it and the account', async () => {
    const error = await fake.client.getEnvironment(32).catch(e => e);
    expect(error).toBeInstanceOf(DbtCloudNotFoundError);
    expect(error.message).toContain('dbt Cloud environment 32 not found');
  });

  it('an answer without a project is an unexpected answer, not a guess', async () => {
    fake.server.setEnvironment(ACCOUNT_ID, 33, {});
    fake.server.inject(paths.environment(ACCOUNT_ID, 33), {
      kind: 'status',
      status: 200,
      body: { status: { code: 200, is_success: true }, data: { id: 33 } },
    });
    await expect(fake.client.getEnvironment(33)).rejects.toThrow(
      /dbt Cloud environment 33/,
    );
  });
});
