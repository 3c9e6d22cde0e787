import {
  buildManifest,
  modelId,
  modelNode,
  semanticModel,
} from '../__testUtils__/artifacts';
import { indexArtifacts } from '../artifacts/indexArtifacts';
import { SEMANTIC_UNSUPPORTED_WARNING, semanticAlgorithm } from './semantic';

function find(semanticModels?: ReturnType<typeof semanticModel>[]) {
  const index = indexArtifacts({
    manifest: buildManifest({
      nodes: [modelNode('orders'), modelNode('customers')],
      semanticModels,
    }),
    catalog: {},
  });
  return semanticAlgorithm.findRelationships(index, { algo: 'semantic' });
}

describe('semantic', () => {
  it('links a foreign entity to the primary entity of the same name', () => {
    const { relationships } = find([
      semanticModel('orders', modelId('orders'), [
        { name: 'order', type: 'primary', expr: 'order_id' },
        { name: 'customer', type: 'foreign', expr: 'customer_id' },
      ]),
      semanticModel(
        'customers',
        modelId('customers'),
        [{ name: 'customer', type: 'primary', expr: 'id' }],
        {
          meta: { relationship_type: 'one-to-many' },
        },
      ),
    ]);
    expect(relationships).toEqual([
      {
        name: 'semantic_model.shop.customers',
        toId: modelId('customers'),
        fromId: modelId('orders'),
        toColumns: ['id'],
        fromColumns: ['customer_id'],
        cardinality: '1n',
        label: null,
      },
    ]);
  });

  it('uses the entity name when there is no expr, and primary_entity as a primary key', () => {
    const { relationships } = find([
      semanticModel('orders', modelId('orders'), [
        { name: 'customer', type: 'foreign' },
      ]),
      semanticModel('customers', modelId('customers'), [], {
        primaryEntity: 'customer',
      }),
    ]);
    expect(relationships.map(r => [r.fromColumns, r.toColumns])).toEqual([
      [['customer'], ['customer']],
    ]);
  });

  it('ignores unique and natural entities', () => {
    const { relationships } = find([
      semanticModel('orders', modelId('orders'), [
        { name: 'customer', type: 'foreign' },
      ]),
      semanticModel('customers', modelId('customers'), [
        { name: 'customer', type: 'unique' },
      ]),
    ]);
    expect(relationships).toEqual([]);
  });

  it('warns when the manifest predates semantic models', () => {
    expect(find(undefined)).toEqual({
      relationships: [],
      warnings: [SEMANTIC_UNSUPPORTED_WARNING],
    });
  });
});
