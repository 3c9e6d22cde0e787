import fc from 'fast-check';

/**
 * fast-check generators of small, dbt-shaped artifacts: models, seeds,
 * sources, relationships tests, semantic models, contract constraints and a
 * matching catalog. Names come from a pool that mixes ordinary dbt names
 * with the keys JavaScript objects inherit (`constructor`, `__proto__`...),
 * so that lookups by name are exercised with them too.
 */

export type Json =
  | null
  | boolean
  | number
  | string
  | Json[]
  | { [key: string]: Json };

export interface GeneratedArtifacts {
  manifest: { [key: string]: Json };
  catalog: { [key: string]: Json };
}

export const INHERITED_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

const nameArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'orders',
      'customers',
      'id',
      'customer_id',
      'Order ID',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...INHERITED_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const relationshipTypeArb = fc.constantFrom(
  'one-to-one',
  'zero-to-many',
  'many-to-many',
  'one-to-many',
  'zero-to-one',
  'constructor',
  '__proto__',
  'toString',
);

const metaArb: fc.Arbitrary<Json> = fc.record(
  {
    label: nameArb,
    relationship_type: relationshipTypeArb,
    relationship_label: nameArb,
    relationship_labels: fc.dictionary(nameArb, nameArb, { maxKeys: 2 }),
    relationship_types: fc.dictionary(nameArb, relationshipTypeArb, {
      maxKeys: 2,
    }),
    ignore_in_erd: fc.constantFrom<Json>(0, 1, '0', 'true', false),
  },
  { requiredKeys: [] },
);

function constraintArb(models: string[]): fc.Arbitrary<Json> {
  return fc.record(
    {
      type: fc.constantFrom(
        'primary_key',
        'foreign_key',
        'not_null',
        'constructor',
      ),
      name: nameArb,
      to: fc.oneof(
        fc.constantFrom(...models).map(m => `ref('${m.split('.')[2]}')`),
        fc.constantFrom(
          "source('raw', 'orders')",
          'db.main.orders',
          'constructor',
        ),
      ),
      to_columns: fc.array(nameArb, { maxLength: 2 }),
      columns: fc.array(nameArb, { maxLength: 2 }),
    },
    { requiredKeys: ['type'] },
  );
}

function columnsArb(models: string[]): fc.Arbitrary<Json> {
  return fc
    .array(
      fc.record(
        {
          name: nameArb,
          data_type: fc.constantFrom(
            'integer',
            'text',
            'struct<a int>',
            'constructor',
          ),
          description: nameArb,
          meta: metaArb,
          constraints: fc.array(constraintArb(models), { maxLength: 2 }),
        },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 4 },
    )
    .map(columns => keyed(columns, c => c.name as string));
}

/** An object keyed by `key` of each entry; a repeated key keeps the last, as JSON.parse would. */
function keyed<T extends { [key: string]: Json }>(
  entries: T[],
  key: (entry: T) => string,
): { [key: string]: Json } {
  const result: { [key: string]: Json } = {};
  for (const entry of entries) defineOwn(result, key(entry), entry);
  return result;
}

/** Sets an own property even for `__proto__`, as JSON.parse does. */
export function defineOwn(target: object, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function tableNodeArb(uniqueId: string, models: string[]): fc.Arbitrary<Json> {
  const [resourceType, packageName, name] = uniqueId.split('.');
  return fc.record(
    {
      resource_type: fc.constant(resourceType),
      name: fc.constant(name),
      package_name: fc.constant(packageName),
      database: fc.constantFrom('db', 'DB', 'constructor'),
      schema: fc.constantFrom('main', 'Mart', '__proto__'),
      alias: fc.constant(name),
      identifier: fc.constant(name),
      relation_name: fc.constant(`"db"."main"."${name}"`),
      description: nameArb,
      columns: columnsArb(models),
      constraints: fc.array(constraintArb(models), { maxLength: 2 }),
      meta: metaArb,
      config: fc.record({ meta: metaArb }, { requiredKeys: [] }),
      compiled_code: fc.constant(`select * from ${name}`),
      depends_on: fc.record({ nodes: fc.subarray(models) }),
    },
    { requiredKeys: ['resource_type', 'name'] },
  );
}

function relationshipTestArb(models: string[]): fc.Arbitrary<[string, Json]> {
  return fc
    .record({
      id: fc.string({ maxLength: 6 }),
      from: fc.constantFrom(...models),
      to: fc.constantFrom(...models),
      column: nameArb,
      field: nameArb,
      meta: metaArb,
    })
    .map(t => [
      `test.shop.relationships_${t.id}`,
      {
        test_metadata: {
          name: 'relationships',
          kwargs: {
            column_name: t.column,
            to: `ref('${t.to.split('.')[2]}')`,
            field: t.field,
            model: `{{ get_where_subquery(ref('${t.from.split('.')[2]}')) }}`,
          },
        },
        depends_on: { nodes: [t.to, t.from] },
        attached_node: t.from,
        meta: t.meta,
      },
    ]);
}

function semanticModelArb(models: string[]): fc.Arbitrary<[string, Json]> {
  return fc
    .record({
      id: nameArb,
      model: fc.constantFrom(...models),
      entities: fc.array(
        fc.record(
          {
            name: nameArb,
            type: fc.oneof(
              fc.constantFrom<Json>('primary', 'foreign', 'unique'),
              fc.constantFrom<Json>({ value: 'primary' }, { value: 'foreign' }),
            ),
            expr: nameArb,
          },
          { requiredKeys: ['name', 'type'] },
        ),
        { maxLength: 3 },
      ),
      primary_entity: fc.option(nameArb, { nil: undefined }),
      meta: metaArb,
    })
    .map(s => [
      `semantic_model.shop.${s.id}`,
      {
        entities: s.entities,
        depends_on: { nodes: [s.model] },
        ...(s.primary_entity === undefined
          ? {}
          : { primary_entity: s.primary_entity }),
        meta: s.meta,
      },
    ]);
}

function catalogEntryArb(uniqueId: string): fc.Arbitrary<Json> {
  const name = uniqueId.split('.').pop()!;
  return fc.record({
    metadata: fc.constant({ database: 'db', schema: 'main', name }),
    columns: fc
      .array(
        fc.record({
          name: nameArb,
          type: fc.constantFrom('INTEGER', 'TEXT', 'constructor'),
          comment: fc.option(nameArb, { nil: null }),
        }),
        { maxLength: 4 },
      )
      .map(columns => keyed(columns, c => (c.name as string).toUpperCase())),
  });
}

function valuesByKey(pairs: [string, Json][]): { [key: string]: Json } {
  const result: { [key: string]: Json } = {};
  for (const [key, value] of pairs) defineOwn(result, key, value);
  return result;
}

/** A small manifest.json and catalog.json of the same project. */
export const dbtArtifactsArb: fc.Arbitrary<GeneratedArtifacts> = fc
  .uniqueArray(
    fc.tuple(fc.constantFrom('model', 'seed', 'snapshot'), nameArb),
    {
      minLength: 1,
      maxLength: 4,
      selector: ([type, name]) => `${type}.${name}`,
    },
  )
  .map(ids => ids.map(([type, name]) => `${type}.shop.${name}`))
  .chain(models => {
    const sourceIds = ['source.shop.raw.orders'];
    const tableIds = [...models, ...sourceIds];
    return fc
      .record({
        tables: fc.tuple(...tableIds.map(id => tableNodeArb(id, models))),
        tests: fc.array(relationshipTestArb(models), { maxLength: 4 }),
        semanticModels: fc.array(semanticModelArb(models), { maxLength: 3 }),
        catalogEntries: fc.tuple(...tableIds.map(catalogEntryArb)),
        version: fc.constantFrom(4, 7, 11, 12, 20, 99),
      })
      .map(({ tables, tests, semanticModels, catalogEntries, version }) => {
        const nodePairs: [string, Json][] = models.map((id, i) => [
          id,
          tables[i],
        ]);
        const sourcePairs: [string, Json][] = sourceIds.map((id, i) => [
          id,
          tables[models.length + i],
        ]);
        const manifest = {
          metadata: {
            dbt_schema_version: `https://schemas.getdbt.com/dbt/manifest/v${version}.json`,
            generated_at: '2024-01-02T03:04:05Z',
            project_name: 'shop',
          },
          nodes: valuesByKey([...nodePairs, ...tests]),
          sources: valuesByKey(sourcePairs),
          exposures: {
            'exposure.shop.dash': { depends_on: { nodes: models.slice(0, 1) } },
          },
          semantic_models: valuesByKey(semanticModels),
        };
        const catalogPairs: [string, Json][] = tableIds.map((id, i) => [
          id,
          catalogEntries[i],
        ]);
        const catalog = {
          metadata: {
            dbt_schema_version:
              'https://schemas.getdbt.com/dbt/catalog/v1.json',
          },
          nodes: valuesByKey(catalogPairs.slice(0, models.length)),
          sources: valuesByKey(catalogPairs.slice(models.length)),
        };
        return { manifest, catalog };
      });
  });
