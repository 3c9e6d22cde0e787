export { FakeDbtCloudServer } from './FakeDbtCloudServer';
export type { FakeDbtCloudServerOptions } from './FakeDbtCloudServer';
export { fakeDbtCloudPaths } from './fakeAdminApi';
export type {
  FakeArtifactBody,
  FakeDbtCloudAccount,
  FakeDbtCloudRun,
  FakeEnvironment,
  FakeFault,
  FakeRequestRecord,
} from './fakeTypes';
