import { diffErds } from 'backstage-plugin-dbt-erd-common';
import { buildErdModel } from '../../graph/erdModel';
import { shopErd } from '../../__testUtils__/erdFixtures';
import { EntityErdDiff } from '../../api';
import { changesWithNeighbours, ghostEdgeId, overlayDiff } from './diffMarks';

const id = (name: string) => `model.shop.${name}`;
/** Head compared with itself: an empty diff, as the route sends it. */
const empty = (): EntityErdDiff => ({
  ...diffErds(shopErd(), shopErd()),
  sources: {
    base: { kind: 'dbt-cloud-run', name: 'main', runId: 1 },
    head: { kind: 'dbt-cloud-run', name: 'main', runId: 2 },
  },
  ghosts: { tables: [], columns: [] },
  warnings: [],
});

describe('overlayDiff', () => {
  it('leaves head as it is for an empty diff', () => {
    const head = shopErd();
    const { erd, marks } = overlayDiff(head, empty());
    expect(erd.nodes).toEqual(head.nodes);
    expect(erd.edges).toEqual(head.edges);
    expect(marks.changedTables.size).toBe(0);
  });

  it('draws a removed relationship whose table is gone only when the ghost table comes with it', () => {
    const head = shopErd();
    const diff = empty();
    diff.relationships.removed = [
      {
        key: 'k',
        id: 'test.gone',
        from_id: id('refunds'),
        to_id: id('orders'),
        from_columns: ['order_id'],
        to_columns: ['order_id'],
        relationship_type: 'fk',
        name: 'test.gone',
        label: null,
        cardinality: 'n1',
        why: { reason: 'table_removed', text: 'table removed' },
      },
    ];
    const without = overlayDiff(head, diff);
    expect(without.erd.edges).toHaveLength(head.edges.length);
    // Still a changed table for "changes only": orders lost a relationship.
    expect(without.marks.changedTables.has(id('orders'))).toBe(true);

    diff.ghosts.tables = [
      { ...head.nodes[0], id: id('refunds'), name: id('refunds') },
    ];
    const withGhost = overlayDiff(head, diff);
    expect(withGhost.erd.edges.map(e => e.id)).toContain(ghostEdgeId('k'));
    expect(withGhost.marks.edges.get(ghostEdgeId('k'))).toBe('removed');
    expect(
      changesWithNeighbours(
        buildErdModel(withGhost.erd).adjacency,
        withGhost.marks.changedTables,
      ),
    ).toEqual(
      new Set([
        id('refunds'),
        id('orders'),
        id('customers'),
        id('order_items'),
        id('payments'),
      ]),
    );
  });
});
