import {
  ACCOUNT_ID,
  clientFor,
  failureOf,
  paths,
  recordingLogger,
  useFakeDbtCloud,
  TOKEN,
} from './__testUtils__/cloudTestKit';
import { appliedStateNeedsFor } from './discovery/appliedStateQuery';
import { DbtCloudNotFoundError, DbtCloudResponseError } from './errors';

const model = (name: string) => ({ uniqueId: `model.shop.${name}`, name });
const genericTest = {
  uniqueId: 'test.shop.relationships_orders_customer_id',
  columnName: 'customer_id',
  testMetadata: { name: 'relationships', kwargs: {} },
};
const singularTest = {
  uniqueId: 'test.shop.assert_positive_totals',
  columnName: null,
  testMetadata: { name: null, kwargs: {} },
};
const unitTest = {
  uniqueId: 'unit_test.shop.orders.test_totals',
  columnName: null,
  testMetadata: { name: null, kwargs: {} },
};

/** Issue 18.3 (GraphQL errors) and 18.8 (a query per algorithm). */
describe('DbtCloudClient Discovery API errors and queries', () => {
  const logger = recordingLogger();
  // A generous time-out: only the injected hang may time out on a busy machine.
  const fake = useFakeDbtCloud({ logger, timeoutMs: 2000 });
  const queries = () =>
    fake.server.requests
      .filter(r => r.path === paths.graphql)
      .map(r => r.graphqlQuery);

  beforeEach(() => {
    fake.server.setEnvironment(ACCOUNT_ID, 7, {
      models: [model('orders'), model('customers')],
      tests: [genericTest, singularTest],
      unitTests: [unitTest],
      semanticModels: [{ uniqueId: 'semantic_model.shop.orders' }],
    });
  });

  describe('GraphQL errors', () => {
    it('fails with the messages, token redacted, when a field error nulls `applied`', async () => {
      fake.server.setEnvironment(ACCOUNT_ID, 7, {
        models: [model('orders')],
        appliedError: `Internal error resolving catalog (token ${TOKEN})`,
      });
      const { error } = await failureOf(() =>
        fake.client.getEnvironmentAppliedState(7),
      );
      expect(error).toBeInstanceOf(DbtCloudResponseError);
      expect(error.message).toBe(
        'the Discovery API answered without the applied state for dbt Cloud environment 7 (account main): Internal error resolving catalog (token ***)',
      );
    });

    it('keeps partial data and reports the errors as warnings', async () => {
      fake.server.setEnvironment(ACCOUNT_ID, 7, {
        models: [model('orders')],
        errors: ['Column types unavailable for model.shop.orders'],
      });
      const state = await fake.client.getEnvironmentAppliedState(7);
      expect(state.models).toHaveLength(1);
      expect(state.warnings).toEqual([
        'the Discovery API reported: Column types unavailable for model.shop.orders',
      ]);
    });

    it('maps an unknown environment (errors, data: null) to a 404 naming it', async () => {
      const { error } = await failureOf(() =>
        fake.client.getEnvironmentAppliedState(8),
      );
      expect(error).toBeInstanceOf(DbtCloudNotFoundError);
      expect(error.status).toBe(404);
      expect(error.message).toMatch(
        /^dbt Cloud environment 8 not found in account main: /,
      );
    });
  });

  describe('one query per algorithm', () => {
    it.each([
      ['test_relationship', { tests: true, semanticModels: false }],
      [
        'test_relationship:(name:relationships|c_from:column_name|c_to:field)',
        { tests: true, semanticModels: false },
      ],
      ['semantic', { tests: false, semanticModels: true }],
      ['model_contract', { tests: false, semanticModels: false }],
      ['some_new_algorithm', { tests: true, semanticModels: true }],
      [undefined, { tests: true, semanticModels: false }],
    ])('%s needs %j', (algo, needs) => {
      expect(appliedStateNeedsFor(algo)).toEqual(needs);
    });

    it('asks for generic data tests only, without semantic models, for test_relationship', async () => {
      const state = await fake.client.getEnvironmentAppliedState(7, {
        needs: appliedStateNeedsFor('test_relationship'),
      });
      const [query] = queries();
      expect(query).toContain(
        'tests(first: $first, after: $testsAfter, filter: { testTypes: [GENERIC_DATA_TEST] })',
      );
      expect(query).not.toContain('semanticModels');
      expect(query).not.toContain('definition');
      // The unit test is filtered by the API, the singular test by the fake.client.
      expect(state.tests.map(t => t.uniqueId)).toEqual([genericTest.uniqueId]);
      expect(state.semanticModels).toEqual([]);
    });

    it('asks for semantic models but no tests for semantic', async () => {
      const state = await fake.client.getEnvironmentAppliedState(7, {
        needs: appliedStateNeedsFor('semantic'),
      });
      const [query] = queries();
      expect(query).toContain('semanticModels(');
      expect(query).not.toContain('tests(');
      expect(state.semanticModels).toHaveLength(1);
      expect(state.tests).toEqual([]);
    });

    it('asks for neither for model_contract', async () => {
      await fake.client.getEnvironmentAppliedState(7, {
        needs: appliedStateNeedsFor('model_contract'),
      });
      const [query] = queries();
      expect(query).not.toContain('tests(');
      expect(query).not.toContain('semanticModels(');
      expect(query).toContain('models(');
    });
  });

  describe('time-outs', () => {
    it('asks again with a smaller page before giving up', async () => {
      fake.server.inject(paths.graphql, { kind: 'hang' }, 1);
      const state = await fake.client.getEnvironmentAppliedState(7);
      expect(state.models).toHaveLength(2);
      const firsts = fake.server.requests
        .filter(r => r.path === paths.graphql)
        .map(r => r.variables?.first);
      expect(firsts).toEqual([500, 250]);
      expect(logger.lines).toContain(
        'warn: The Discovery API timed out for dbt Cloud environment 7 (account main); asking again with pages of 250',
      );
    });

    it('gives up with the time-out once the page cannot shrink further', async () => {
      const small = clientFor(fake.server, { discoveryPageSize: 40 });
      fake.server.inject(paths.graphql, { kind: 'hang' }, 5);
      const { error } = await failureOf(() =>
        small.getEnvironmentAppliedState(7),
      );
      await small.close();
      expect(error.name).toBe('DbtCloudTimeoutError');
      const firsts = fake.server.requests
        .filter(r => r.path === paths.graphql)
        .map(r => r.variables?.first);
      expect(firsts).toEqual([40]);
    });
  });
});
