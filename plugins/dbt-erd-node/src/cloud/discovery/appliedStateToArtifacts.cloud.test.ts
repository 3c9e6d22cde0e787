import { buildErd } from 'backstage-plugin-dbt-erd-common';
import { ACCOUNT_ID, useFakeDbtCloud } from '../__testUtils__/cloudTestKit';
import { appliedStateToArtifacts } from './appliedStateToArtifacts';
import { SHOP_APPLIED_STATE } from './appliedStateFixture';

describe('appliedStateToArtifacts through the Discovery API', () => {
  // Small pages, so the ERD depends on every page being joined.
  const fake = useFakeDbtCloud({ discoveryPageSize: 1 });
  beforeEach(() => {
    fake.server.setEnvironment(ACCOUNT_ID, 7, SHOP_APPLIED_STATE);
  });

  it('builds the ERD of an environment from its applied state', async () => {
    const state = await fake.client.getEnvironmentAppliedState(7);
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
