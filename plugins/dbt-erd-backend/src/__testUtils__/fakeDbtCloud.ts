import {
  FakeDbtCloudAccount,
  FakeDbtCloudRun,
  FakeDbtCloudServer,
} from 'backstage-plugin-dbt-erd-node/testUtils';
import { demoArtifacts } from './demoArtifacts';

/** Run 123 of job 45, a successful run that serves the demo project's manifest and catalog. */
export const demoRun: FakeDbtCloudRun = {
  id: 123,
  job_definition_id: 45,
  artifacts: demoArtifacts,
};

/** A started fake dbt Cloud holding one account, whose runs are `[demoRun]` unless given. */
export function startFakeDbtCloud(
  account: FakeDbtCloudAccount,
): Promise<FakeDbtCloudServer> {
  return new FakeDbtCloudServer({
    accounts: [{ runs: [demoRun], ...account }],
  }).start();
}
