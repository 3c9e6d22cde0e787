import fc from 'fast-check';
import { erdColumn, erdEdge, erdNode, erdOf } from '../__testUtils__/erd';
import { Cardinality, Erd } from '../types';
import { diffErds, isEmptyDiff } from './diffErds';
import { getErdDiffTarget } from './targets/registry';
import { relationshipKey } from './relationshipKey';

/** A small universe of names, so that two generated ERDs overlap often. */
const TABLE_IDS = [
  'model.p.a',
  'model.p.b',
  'model.p.c',
  'source.p.d',
  'model.q.a',
];
const COLUMNS = ['id', 'a_id', 'b_id', 'note'];

const columnArb = fc.record({
  name: fc.constantFrom(...COLUMNS),
  type: fc.constantFrom('text', 'bigint', 'unknown'),
  pk: fc.boolean(),
  description: fc.option(fc.constantFrom('x', 'y'), { nil: null }),
});

const nodeArb = fc.record({
  id: fc.constantFrom(...TABLE_IDS),
  schema: fc.constantFrom('main', 'sales'),
  columns: fc.uniqueArray(columnArb, { selector: c => c.name, maxLength: 4 }),
});

const edgeArb = fc.record({
  name: fc.constantFrom('t1', 't2', 't3', 't4'),
  from: fc.constantFrom(...TABLE_IDS),
  to: fc.constantFrom(...TABLE_IDS),
  fromColumns: fc.subarray(COLUMNS, { minLength: 1, maxLength: 2 }),
  toColumns: fc.subarray(COLUMNS, { minLength: 1, maxLength: 2 }),
  cardinality: fc.constantFrom<Cardinality>('n1', '11', '0n'),
  provenance: fc.option(fc.constantFrom('test', 'semantic'), {
    nil: undefined,
  }),
});

const erdArb: fc.Arbitrary<Erd> = fc
  .record({
    nodes: fc.uniqueArray(nodeArb, { selector: n => n.id, maxLength: 5 }),
    edges: fc.array(edgeArb, { maxLength: 6 }),
  })
  .map(({ nodes, edges }) =>
    erdOf(
      nodes.map(n =>
        erdNode(
          n.id,
          n.columns.map(c =>
            erdColumn(c.name, c.type, {
              is_primary_key: c.pk,
              description: c.description,
            }),
          ),
          { schema_name: n.schema },
        ),
      ),
      edges.map(e =>
        erdEdge(e.name, e.from, e.fromColumns, e.to, e.toColumns, {
          cardinality: e.cardinality,
          ...(e.provenance ? { provenance: e.provenance } : {}),
        }),
      ),
    ),
  );

function applied(base: string[], added: string[], removed: string[]): string[] {
  const ids = new Set(base);
  removed.forEach(id => ids.delete(id));
  added.forEach(id => ids.add(id));
  return [...ids].sort();
}

describe('diffErds properties', () => {
  it('finds nothing between an ERD and itself', () => {
    fc.assert(
      fc.property(erdArb, erd => {
        expect(isEmptyDiff(diffErds(erd, structuredClone(erd)))).toBe(true);
      }),
    );
  });

  it("turns a's table ids and relationship identities into b's with its added and removed lists", () => {
    fc.assert(
      fc.property(erdArb, erdArb, (a, b) => {
        const diff = diffErds(a, b);
        const tables = applied(
          a.nodes.map(n => n.id),
          diff.tables.added,
          diff.tables.removed,
        );
        const relationships = applied(
          a.edges.map(relationshipKey),
          diff.relationships.added.map(e => e.key),
          diff.relationships.removed.map(e => e.key),
        );
        expect(tables).toEqual(b.nodes.map(n => n.id).sort());
        expect(relationships).toEqual(
          [...new Set(b.edges.map(relationshipKey))].sort(),
        );
      }),
    );
  });

  it('gives the same documents whatever order the nodes and edges come in', () => {
    fc.assert(
      fc.property(erdArb, erdArb, (a, b) => {
        const shuffled = (erd: Erd): Erd => ({
          ...erd,
          nodes: [...erd.nodes].reverse(),
          edges: [...erd.edges].reverse(),
        });
        for (const name of ['json', 'markdown']) {
          const target = getErdDiffTarget(name);
          expect(
            target.render(diffErds(shuffled(a), shuffled(b)), {
              base: shuffled(a),
              head: shuffled(b),
            }),
          ).toBe(target.render(diffErds(a, b), { base: a, head: b }));
        }
      }),
    );
  });
});
