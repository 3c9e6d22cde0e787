import {
  buildCatalog,
  buildManifest,
  modelId,
  modelNode,
  relationshipsTest,
} from '../__testUtils__/artifacts';
import { indexArtifacts } from '../artifacts/indexArtifacts';
import { deriveView, forEachDrawnColumn } from './DerivedView';
import { ProjectFacts } from './ProjectFacts';

const orders = modelId('orders');
const customers = modelId('customers');
const facts = new ProjectFacts(
  indexArtifacts({
    manifest: buildManifest({
      nodes: [
        modelNode('orders', { columns: { id: {} } }),
        modelNode('customers', { columns: { id: {} } }),
        modelNode('empty'),
        relationshipsTest({
          from: orders,
          to: customers,
          column: 'customer_id',
        }),
      ],
    }),
    catalog: buildCatalog([]),
  }),
);

/** Each drawn column as `name:type:flags`, by table id. */
function drawnColumns(options = {}) {
  const view = deriveView(facts, options);
  return Object.fromEntries(
    view.tables.map(table => {
      const columns: string[] = [];
      forEachDrawnColumn(table, (name, dataType, _description, flags) =>
        columns.push(`${name}:${dataType}:${flags}`),
      );
      return [table.node.uniqueId, columns];
    }),
  );
}

describe('deriveView', () => {
  it('adds the relationship columns a table does not list, flags foreign keys, and draws an empty table with `unknown`', () => {
    const view = deriveView(facts);
    expect(view.tables.map(t => t.node.uniqueId)).toEqual([
      customers,
      modelId('empty'),
      orders,
    ]);
    expect(view.relationships.map(r => [r.fromId, r.toId])).toEqual([
      [orders, customers],
    ]);
    expect(drawnColumns()).toEqual({
      [customers]: ['id:unknown:0'],
      [modelId('empty')]: ['unknown:unknown:0'],
      [orders]: ['id:unknown:0', 'customer_id:unknown:2'],
    });
  });

  it('adds nothing for a relationship whose other end is not drawn', () => {
    expect(drawnColumns({ exclude: [`exact:${customers}`] })).toEqual({
      [modelId('empty')]: ['unknown:unknown:0'],
      [orders]: ['id:unknown:0'],
    });
  });

  it('leaves the shared facts as they were for the next view', () => {
    drawnColumns({ exclude: [`exact:${customers}`] });
    expect(drawnColumns()[orders]).toEqual([
      'id:unknown:0',
      'customer_id:unknown:2',
    ]);
  });
});
