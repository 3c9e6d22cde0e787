import { buildErd } from 'backstage-plugin-dbt-erd-common';
import { FakeDbtCloudServer } from '../../testing';
import {
  ACCOUNT_ID,
  clientFor,
  startFakeDbtCloud,
} from '../__testUtils__/cloudTestKit';
import { DbtCloudClient } from '../DbtCloudClient';
import { appliedStateToArtifacts } from './appliedStateToArtifacts';
import { SHOP_APPLIED_STATE } from './appliedStateFixture';

describe('appliedStateToArtifacts through the Discovery API', () => {
  let server: FakeDbtCloudServer;
  let client: DbtCloudClient;

  beforeEach(async () => {
    server = await startFakeDbtCloud();
    server.setEnvironment(ACCOUNT_ID, 7, SHOP_APPLIED_STATE);
    // Small pages, so the ERD depends on every page being joined.
    client = clientFor(server, { discoveryPageSize: 1 });
  });
  afterEach(async () => {
    await client.close();
    await server.stop();
  });

  it('builds the ERD of an environment from its applied state', async () => {
    const state = await client.getEnvironmentAppliedState(7);
    expect(state.pages).toBeGreaterThan(1);
    const artifacts = appliedStateToArtifacts(state);

    const { erd } = buildErd(artifacts);
    expect(erd.nodes.map(n => n.id)).toEqual([
      'model.shop.customers',
      'model.shop.orders',
      'model.shop.stg_payments',
    ]);
    expect(erd.nodes[1].columns.map(c => [c.name, c.data_type])).toEqual([
      ['id', 'number'],
      ['customer_id', 'number'],
    ]);
    expect(
      erd.edges.map(e => [e.from_id, e.from_columns, e.to_id, e.to_columns]),
    ).toEqual([
      ['model.shop.orders', ['customer_id'], 'model.shop.customers', ['id']],
    ]);

    const semantic = buildErd(artifacts, { algo: 'semantic' }).erd;
    expect(semantic.edges.map(e => [e.from_id, e.to_id])).toEqual([
      ['model.shop.orders', 'model.shop.customers'],
    ]);
  });
});
