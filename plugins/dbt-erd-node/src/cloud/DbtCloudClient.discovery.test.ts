import {
  ACCOUNT_ID,
  failureOf,
  paths,
  useFakeDbtCloud,
} from './__testUtils__/cloudTestKit';
import { DbtCloudNotFoundError, DbtCloudResponseError } from './errors';

const nodes = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    uniqueId: `${prefix}.shop.n${i}`,
  }));

describe('DbtCloudClient Discovery API', () => {
  const fake = useFakeDbtCloud({ discoveryPageSize: 2 });

  beforeEach(() => {
    fake.server.setEnvironment(ACCOUNT_ID, 7, {
      models: nodes('model', 5),
      sources: nodes('source', 3),
      exposures: nodes('exposure', 1),
      tests: nodes('test', 4).map(test => ({
        ...test,
        testMetadata: { name: 'relationships', kwargs: {} },
      })),
      semanticModels: [],
    });
  });

  it('pages every resource type with its own cursor until none has more', async () => {
    const state = await fake.client.getEnvironmentAppliedState(7);
    expect(state.models.map(n => n.uniqueId)).toEqual(
      nodes('model', 5).map(n => n.uniqueId),
    );
    expect(state.sources).toHaveLength(3);
    expect(state.exposures).toHaveLength(1);
    expect(state.tests).toHaveLength(4);
    expect(state.semanticModels).toEqual([]);
    expect(state.pages).toBe(3);

    const variables = fake.server.requests.map(r => r.variables);
    expect(variables[0]).toMatchObject({
      environmentId: 7,
      first: 2,
      modelsAfter: null,
      semanticModelsAfter: null,
    });
    // Finished types are no longer asked for: page 3 only has models left.
    expect(Object.keys(variables[2]!).sort()).toEqual([
      'environmentId',
      'first',
      'modelsAfter',
    ]);
    expect(
      fake.server.requests.every(
        r => r.path === paths.graphql && r.method === 'POST',
      ),
    ).toBe(true);
  });

  it('reports an unknown environment as not found', async () => {
    const { error } = await failureOf(() =>
      fake.client.getEnvironmentAppliedState(8),
    );
    expect(error).toBeInstanceOf(DbtCloudNotFoundError);
    expect(error.message).toBe(
      'dbt Cloud environment 8 not found in account main: the Discovery API answered with errors: Environment 8 not found',
    );
  });

  it('reports GraphQL errors with their messages', async () => {
    fake.server.inject(paths.graphql, {
      kind: 'status',
      status: 200,
      body: {
        // A request refused before execution has no `data` at all.
        errors: [{ message: 'Cannot query field "applied"' }],
      },
    });
    const { error } = await failureOf(() =>
      fake.client.getEnvironmentAppliedState(7),
    );
    expect(error).toBeInstanceOf(DbtCloudResponseError);
    expect(error.message).toBe(
      'the Discovery API answered with errors for dbt Cloud environment 7 (account main): Cannot query field "applied"',
    );
  });

  it('names the Metadata Only permission on 403', async () => {
    fake.server.inject(paths.graphql, { kind: 'status', status: 403 });
    const { error } = await failureOf(() =>
      fake.client.getEnvironmentAppliedState(7),
    );
    expect(error.name).toBe('DbtCloudAuthError');
    expect(error.message).toMatch(/needs Metadata Only permission/);
  });

  it('retries a 503 page and carries on from the same cursor', async () => {
    fake.server.inject(paths.graphql, { kind: 'status', status: 503 }, 1);
    const state = await fake.client.getEnvironmentAppliedState(7);
    expect(state.models).toHaveLength(5);
    expect(fake.server.requestCount(paths.graphql)).toBe(4);
  });

  it('stops a cursor that does not move instead of looping', async () => {
    const stuck = {
      data: {
        environment: {
          applied: {
            models: {
              edges: [],
              pageInfo: { endCursor: 'same', hasNextPage: true },
            },
          },
          definition: {},
        },
      },
    };
    fake.server.inject(
      paths.graphql,
      { kind: 'status', status: 200, body: stuck },
      2,
    );
    const { error } = await failureOf(() =>
      fake.client.getEnvironmentAppliedState(7),
    );
    expect(error).toBeInstanceOf(DbtCloudResponseError);
    expect(error.message).toMatch(/returned the same models cursor twice/);
  });
});
