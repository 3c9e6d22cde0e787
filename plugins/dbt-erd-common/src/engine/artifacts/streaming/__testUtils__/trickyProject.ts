import {
  buildCatalog,
  buildManifest,
  exposure,
  modelId,
  modelNode,
  relationshipsTest,
  seedNode,
  semanticModel,
  snapshotNode,
  sourceNode,
} from '../../../__testUtils__/artifacts';

/** Text that trips a careless byte scanner: quotes, escapes, brackets, non-ASCII. */
export const TRICKY =
  'a "quoted" {brace} [bracket] \\ back\\slash é ☕ 😀 \u0001 end\\';

/**
 * A small project whose every string a scanner reads or skips is hostile to
 * it, and whose sections cover what the ERD reads: models, seeds,
 * snapshots, sources, generic and singular tests, exposures, semantic
 * models, and sections it skips (macros, docs, maps, disabled).
 */
export function trickyArtifacts() {
  const manifest = buildManifest({
    nodes: [
      modelNode('orders', {
        description: TRICKY,
        columns: {
          id: { description: TRICKY, data_type: 'INT' },
          '"Customer {ID}"': {
            meta: { relationship_type: 'one-to-one' },
            constraints: [
              {
                type: 'foreign_key',
                to: "ref('customers')",
                to_columns: ['id'],
              },
            ],
          },
        },
        meta: { label: TRICKY },
        compiled_code: `select '${TRICKY}' as "}"`,
      }),
      modelNode('customers', {
        columns: { id: {} },
        config: { meta: { relationship_labels: { x: TRICKY } } },
      }),
      seedNode('countries', { columns: { code: { description: '{' } } }),
      snapshotNode('orders_snapshot'),
      relationshipsTest({
        from: modelId('orders'),
        to: modelId('customers'),
        column: 'Customer {ID}',
        meta: { relationship_label: TRICKY },
      }),
      [
        'test.shop.singular_check',
        { unique_id: 'test.shop.singular_check', raw_code: TRICKY },
      ],
      [
        'analysis.shop.scratch',
        { unique_id: 'analysis.shop.scratch', raw_code: `{{ "${TRICKY}" }}` },
      ],
    ],
    sources: [
      sourceNode('raw', 'payments', {
        identifier: 'PAYMENTS',
        columns: { amount: { description: TRICKY } },
      }),
    ],
    exposures: [
      exposure('dashboard', [modelId('orders'), modelId('customers')]),
    ],
    semanticModels: [
      semanticModel('orders_sm', modelId('orders'), [
        { name: 'order', type: 'primary', expr: 'id' },
        { name: 'customer', type: 'foreign', expr: TRICKY },
      ]),
    ],
  });
  // Sections the ERD never reads, full of the same traps.
  Object.assign(manifest, {
    macros: {
      'macro.shop.m': { macro_sql: `{% if "}" %}${TRICKY}{% endif %}` },
    },
    docs: { 'doc.shop.d': { block_contents: TRICKY } },
    parent_map: { [modelId('orders')]: [] },
    child_map: { [modelId('orders')]: [modelId('customers')] },
    disabled: { x: [{ raw_code: TRICKY, n: -1.5e-3, ok: true, no: null }] },
  });
  const catalog = buildCatalog([
    {
      id: modelId('orders'),
      columns: [
        ['ID', 'INTEGER', TRICKY],
        ['Customer {ID}', 'TEXT'],
      ],
    },
    { id: 'source.shop.raw.payments', columns: [['AMOUNT', 'NUMBER']] },
  ]);
  return { manifest, catalog };
}
