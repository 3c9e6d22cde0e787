import { FakeDbtCloudServer } from '../testing';
import {
  ACCOUNT_ID,
  clientFor,
  paths,
  startFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudClient } from './DbtCloudClient';
import { DbtCloudNotFoundError } from './errors';

describe('DbtCloudClient environment details', () => {
  let server: FakeDbtCloudServer;
  let client: DbtCloudClient;

  beforeEach(async () => {
    server = await startFakeDbtCloud();
    client = clientFor(server);
  });
  afterEach(async () => {
    await client.close();
    await server.stop();
  });

  it("reads an environment's project from the Administrative API", async () => {
    server.setEnvironment(ACCOUNT_ID, 31, { project_id: 8, name: 'Prod' });
    await expect(client.getEnvironment(31)).resolves.toEqual({
      id: 31,
      projectId: 8,
      name: 'Prod',
    });
    expect(server.requests).toEqual([
      expect.objectContaining({
        path: paths.environment(ACCOUNT_ID, 31),
        status: 200,
      }),
    ]);
  });

  it('an unknown environment is a DbtCloudNotFoundError naming it and the account', async () => {
    const error = await client.getEnvironment(32).catch(e => e);
    expect(error).toBeInstanceOf(DbtCloudNotFoundError);
    expect(error.message).toContain('dbt Cloud environment 32 not found');
  });

  it('an answer without a project is an unexpected answer, not a guess', async () => {
    server.setEnvironment(ACCOUNT_ID, 33, {});
    server.inject(paths.environment(ACCOUNT_ID, 33), {
      kind: 'status',
      status: 200,
      body: { status: { code: 200, is_success: true }, data: { id: 33 } },
    });
    await expect(client.getEnvironment(33)).rejects.toThrow(
      /dbt Cloud environment 33/,
    );
  });
});
