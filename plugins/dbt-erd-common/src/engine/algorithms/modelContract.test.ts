import {
  buildManifest,
  modelId,
  modelNode,
  sourceNode,
} from '../__testUtils__/artifacts';
import { indexArtifacts } from '../artifacts/indexArtifacts';
import { modelContractAlgorithm } from './modelContract';

function find(
  nodes: ReturnType<typeof modelNode>[],
  sources: ReturnType<typeof sourceNode>[] = [],
) {
  const index = indexArtifacts({
    manifest: buildManifest({ nodes, sources }),
    catalog: {},
  });
  return modelContractAlgorithm.findRelationships(index, {
    algo: 'model_contract',
  });
}

const locations = modelNode('locations', {
  database: 'Shaman',
  schema: 'Dummy',
  relation_name: '"SHAMAN"."DUMMY"."LOCATIONS"',
  columns: { location_id: { constraints: [{ type: 'primary_key' }] } },
});

describe('model_contract', () => {
  it('reads column-level foreign keys, matching the relation name without quotes or case', () => {
    const orders = modelNode('orders', {
      meta: { relationship_labels: { fk_location: 'order_to_location' } },
      columns: {
        location_id: {
          meta: { relationship_type: 'zero-to-one' },
          constraints: [
            {
              type: 'foreign_key',
              name: 'fk_location',
              to: 'shaman.dummy.locations',
              to_columns: ['location_id'],
            },
          ],
        },
      },
    });
    const { relationships } = find([orders, locations]);
    expect(relationships).toEqual([
      {
        name: 'fk_location',
        toId: modelId('locations'),
        fromId: modelId('orders'),
        toColumns: ['location_id'],
        fromColumns: ['location_id'],
        cardinality: '01',
        label: 'order_to_location',
      },
    ]);
  });

  it('reads model-level composite foreign keys with their type and label from meta', () => {
    const facts = modelNode('facts', {
      meta: {
        relationship_types: { fk_segment: 'one-to-one' },
        relationship_label: 'fallback label',
      },
      constraints: [
        {
          type: 'foreign_key',
          name: 'fk_segment',
          to: "ref('segments')",
          columns: ['customer_id', 'code'],
        },
        {
          type: 'foreign_key',
          name: 'no_columns',
          to: "ref('segments')",
          columns: [],
        },
      ],
    });
    const { relationships } = find([facts, modelNode('segments')]);
    expect(relationships).toEqual([
      {
        name: 'fk_segment',
        toId: modelId('segments'),
        fromId: modelId('facts'),
        toColumns: ['customer_id', 'code'],
        fromColumns: ['customer_id', 'code'],
        cardinality: '11',
        label: 'fallback label',
      },
    ]);
  });

  it('resolves unrendered ref() and source() targets and skips unknown ones', () => {
    const [rawId, raw] = sourceNode('raw', 'regions');
    const orders = modelNode('orders', {
      columns: {
        location_id: {
          constraints: [{ type: 'foreign_key', to: "ref('locations')" }],
        },
        region_id: {
          constraints: [
            {
              type: 'foreign_key',
              to: "source('raw', 'regions')",
              to_columns: ['id'],
            },
          ],
        },
        other_id: {
          constraints: [{ type: 'foreign_key', to: 'db.main.nowhere' }],
        },
      },
    });
    const { relationships } = find([orders, locations], [[rawId, raw]]);
    expect(relationships.map(r => [r.name, r.toId, r.toColumns])).toEqual([
      [modelId('orders'), modelId('locations'), ['location_id']],
      [modelId('orders'), rawId, ['id']],
    ]);
  });

  it('reports primary keys from column and model constraints', () => {
    const segments = modelNode('segments', {
      constraints: [{ type: 'primary_key', columns: ['Customer_ID', 'code'] }],
    });
    const { primaryKeys } = find([segments, locations]);
    expect(primaryKeys).toEqual(
      new Map([
        [modelId('segments'), new Set(['customer_id', 'code'])],
        [modelId('locations'), new Set(['location_id'])],
      ]),
    );
  });
});
