// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- generated test projects
import {
  generateDemoArtifacts,
  generateHostileArtifacts,
  generateScaledArtifacts,
} from '@internal/dbt-artifacts-generator';
import fc from 'fast-check';
import { buildErd } from '../engine/buildErd';
import { resolveErdOptions } from '../engine/options';
import { ErdEdge, ErdNode } from '../engine/types';
import { ErdResponse } from './erdResponse';
import { decodeTabErd, encodeTabErd, TAB_ERD_FORMAT } from './tabPayload';

/**
 * What the tab is meant to receive, written independently of the codec:
 * everything but descriptions, compiled SQL, relation names, owners and
 * the exposures that name no entity (the drawer's route has those).
 */
function tabView(response: ErdResponse): ErdResponse {
  const view: ErdResponse = {
    ...response,
    nodes: response.nodes.map(node => ({
      ...node,
      description: null,
      compiled_sql: null,
      columns: node.columns.map(c => ({ ...c, description: null })),
    })),
  };
  if (response.extras) {
    // fromEntries: own properties, also for a table named `__proto__`.
    const nodeDetails = Object.fromEntries(
      Object.entries(response.extras.nodeDetails).map(([id, details]) => [
        id,
        {
          packageName: details.packageName,
          relationName: null,
          exposures: [],
          ...(details.exposureEntities && {
            exposureEntities: details.exposureEntities,
          }),
        },
      ]),
    );
    view.extras = { ...response.extras, nodeDetails };
  }
  return view;
}

const roundTrip = (response: ErdResponse) =>
  decodeTabErd(JSON.parse(JSON.stringify(encodeTabErd(response))));

const text = fc.string({ maxLength: 12 });

/**
 * Exposures naming an entity, as the engine links them: each table lists
 * some of them, always in the manifest's order (one name, one entity).
 */
const EXPOSURE_LINKS = [
  { entityRef: 'system:default/analytics', via: 'weekly_revenue_dashboard' },
  { entityRef: 'component:default/shop', via: 'shop_app' },
  { entityRef: 'system:default/analytics', via: 'churn_notebook' },
];

const erdResponse = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), {
    minLength: 1,
    maxLength: 8,
  })
  .chain(ids =>
    fc.record({
      nodes: fc.tuple(
        ...ids.map(id =>
          fc.record({
            id: fc.constant(id),
            name: fc.oneof(fc.constant(id), text),
            label: fc.option(text),
            description: fc.option(text),
            resource_type: fc.constantFrom('model', 'source', 'seed'),
            schema_name: text,
            database: text,
            columns: fc.uniqueArray(
              fc.record({
                name: text,
                data_type: text,
                description: fc.option(text),
                is_primary_key: fc.boolean(),
                is_foreign_key: fc.boolean(),
              }),
              { selector: c => c.name, maxLength: 6 },
            ),
            compiled_sql: fc.option(text),
          }),
        ),
      ) as fc.Arbitrary<ErdNode[]>,
      edges: fc.array(
        fc.record(
          {
            id: text,
            from_id: fc.constantFrom(...ids),
            to_id: fc.constantFrom(...ids),
            from_columns: fc.array(text, { maxLength: 3 }),
            to_columns: fc.array(text, { maxLength: 3 }),
            relationship_type: fc.constant('fk' as const),
            name: text,
            label: fc.option(text),
            cardinality: fc.constantFrom('n1', '1n', '11', '01', '0n', 'nn'),
            provenance: fc.constantFrom('test', 'semantic', 'inferred'),
            evidence: fc.array(text, { maxLength: 2 }),
            confidence: fc.constantFrom('high', 'medium', 'low'),
          },
          {
            requiredKeys: [
              'id',
              'from_id',
              'to_id',
              'from_columns',
              'to_columns',
              'relationship_type',
              'name',
              'label',
              'cardinality',
            ],
          },
        ) as fc.Arbitrary<ErdEdge>,
        { maxLength: 10 },
      ),
      groups: fc.option(
        fc.array(
          fc.record({
            name: text,
            node_ids: fc.subarray(ids),
          }),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
      metadata: fc.record({
        generated_at: text,
        dbt_project_name: text,
        dbterd_version: text,
      }),
      extras: fc.option(
        fc.record(
          {
            entityGroup: text,
            nodeDetails: fc.dictionary(
              fc.constantFrom(...ids),
              fc.record(
                {
                  packageName: text,
                  relationName: fc.option(text),
                  exposures: fc.array(text, { maxLength: 2 }),
                  exposureEntities: fc.subarray(EXPOSURE_LINKS, {
                    minLength: 1,
                  }),
                },
                {
                  requiredKeys: ['packageName', 'relationName', 'exposures'],
                },
              ),
            ),
            keys: fc.dictionary(
              fc.constantFrom(...ids),
              fc.array(
                fc.record({
                  columns: fc.array(text, { minLength: 1, maxLength: 2 }),
                  kind: fc.constantFrom('primary', 'unique'),
                  source: fc.constantFrom(
                    'constraint',
                    'test',
                    'combination_test',
                  ),
                }),
                { minLength: 1, maxLength: 2 },
              ),
            ),
            inference: fc.record({
              parsedModels: fc.nat(),
              tokenizedModels: fc.nat(),
              skippedModels: fc.nat(),
              candidates: fc.nat(),
            }),
          },
          { requiredKeys: ['nodeDetails'] },
        ),
        { nil: undefined },
      ),
      source: fc.oneof(
        fc.record({
          kind: fc.constant('dbt-cloud-run' as const),
          name: text,
          runId: fc.nat(),
        }),
        fc.record({
          kind: fc.constant('url' as const),
          name: text,
          url: text,
        }),
      ),
      warnings: fc.array(text, { maxLength: 2 }),
    }),
  )
  .map(response => {
    // Optional keys absent rather than undefined, as JSON carries them.
    const clean = JSON.parse(JSON.stringify(response)) as ErdResponse;
    return clean;
  });

describe('encodeTabErd / decodeTabErd', () => {
  it('round-trips any ERD to its tab view (property)', () => {
    fc.assert(
      fc.property(erdResponse, response => {
        expect(roundTrip(response)).toEqual(tabView(response));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['demo', generateDemoArtifacts],
    ['hostile', generateHostileArtifacts],
    ['scaled', () => generateScaledArtifacts({ models: 60 })],
  ])('round-trips the %s project as the engine builds it', (_name, make) => {
    for (const algo of ['test_relationship', 'test_relationship,inferred']) {
      const { erd, warnings } = buildErd(
        make(),
        resolveErdOptions({ algo, entityGroup: 'schema' }),
      );
      const response: ErdResponse = {
        ...erd,
        source: { kind: 'local', name: 'demo' },
        warnings,
      };
      expect(roundTrip(response)).toEqual(tabView(response));
    }
  });

  it('carries each exposure that names an entity once, with the tables it depends on', () => {
    const { erd, warnings } = buildErd(
      generateDemoArtifacts(),
      resolveErdOptions({}),
    );
    const response: ErdResponse = {
      ...erd,
      source: { kind: 'local', name: 'demo' },
      warnings,
    };
    const payload = encodeTabErd(response);
    const exposures = (payload.extras?.exposures ?? []).map(
      ([name, entityRef, tables]) => ({
        name,
        entityRef: payload.strings[entityRef],
        tables: tables.map(at => payload.tables[at][0]).sort(),
      }),
    );
    expect(exposures).toEqual([
      {
        name: 'weekly_revenue_dashboard',
        entityRef: 'system:default/analytics',
        tables: [
          'model.acme_analytics.dim_customers',
          'model.acme_analytics.fct_daily_revenue',
          'model.acme_analytics.fct_orders',
        ],
      },
    ]);
    const decoded = roundTrip(response).extras!.nodeDetails;
    expect(decoded['model.acme_analytics.fct_orders'].exposureEntities).toEqual(
      [
        {
          entityRef: 'system:default/analytics',
          via: 'weekly_revenue_dashboard',
        },
      ],
    );
    expect(
      decoded['model.acme_analytics.dim_products']?.exposureEntities,
    ).toBeUndefined();
  });

  it('round-trips tables named like Object properties (`constructor`, `__proto__`)', () => {
    const ids = ['constructor', '__proto__', 'toString'];
    const response = JSON.parse(
      JSON.stringify({
        nodes: ids.map(id => ({
          id,
          name: id,
          label: null,
          description: null,
          resource_type: 'model',
          schema_name: 's',
          database: 'd',
          columns: [],
          compiled_sql: null,
        })),
        edges: [],
        metadata: {
          generated_at: '',
          dbt_project_name: '',
          dbterd_version: '',
        },
        extras: {
          nodeDetails: Object.fromEntries(
            ids.map(id => [
              id,
              {
                packageName: 'p',
                relationName: null,
                exposures: ['shop_app'],
                exposureEntities: [EXPOSURE_LINKS[1]],
              },
            ]),
          ),
          keys: Object.fromEntries(
            ids.map(id => [
              id,
              [{ columns: ['id'], kind: 'primary', source: 'test' }],
            ]),
          ),
        },
        source: { kind: 'local', name: 'x' },
        warnings: [],
      }),
    ) as ErdResponse;
    const decoded = roundTrip(response);
    expect(decoded).toEqual(tabView(response));
    expect(Object.keys(decoded.extras!.nodeDetails)).toEqual(ids);
    expect(Object.getPrototypeOf(decoded.extras!.keys)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).exposureEntities).toBeUndefined();
  });

  it('leaves exposures out when none names an entity', () => {
    const { erd } = buildErd(
      generateScaledArtifacts({ models: 20 }),
      resolveErdOptions({}),
    );
    const payload = encodeTabErd({
      ...erd,
      source: { kind: 'local', name: 'x' },
      warnings: [],
    });
    expect(payload.extras).not.toHaveProperty('exposures');
  });

  it('is far smaller than the ERD it encodes', () => {
    const { erd } = buildErd(
      generateScaledArtifacts({ models: 200 }),
      resolveErdOptions({}),
    );
    const response = {
      ...erd,
      source: { kind: 'local', name: 'x' },
      warnings: [],
    } as ErdResponse;
    const plain = JSON.stringify(response).length;
    const tab = JSON.stringify(encodeTabErd(response)).length;
    expect(tab).toBeLessThan(plain / 4);
  });

  it('refuses a payload of another format, saying what to do', () => {
    expect(() =>
      decodeTabErd({ nodes: [] } as unknown as Parameters<
        typeof decodeTabErd
      >[0]),
    ).toThrow(
      new RegExp(`not in the ${TAB_ERD_FORMAT} format; reload the page`),
    );
  });

  it('names a relationship end that is not a table', () => {
    const response: ErdResponse = {
      nodes: [],
      edges: [
        {
          id: 'e',
          from_id: 'model.x.a',
          to_id: 'model.x.b',
          from_columns: [],
          to_columns: [],
          relationship_type: 'fk',
          name: 'e',
          label: null,
          cardinality: 'n1',
        },
      ],
      metadata: { generated_at: '', dbt_project_name: '', dbterd_version: '' },
      source: { kind: 'local', name: 'x' },
      warnings: [],
    };
    expect(() => encodeTabErd(response)).toThrow(/model\.x\.a is not a table/);
  });
});
