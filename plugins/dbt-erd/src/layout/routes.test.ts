import { dagreComponent, dagreLayout } from './dagreLayout';
import { decodeRoutes, encodeRoutes } from './routesMessage';
import { LayoutRequest } from './types';

const box = (id: string, group?: string) => ({
  id,
  width: 160,
  height: 80,
  group,
});
const edge = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  target,
});

const pointsOf = (route: readonly number[]) => {
  const points: Array<{ x: number; y: number }> = [];
  for (let i = 0; i + 1 < route.length; i += 2)
    points.push({ x: route[i], y: route[i + 1] });
  return points;
};

describe('routes of the layered layout', () => {
  it('routes every line inside a component clear of every table', () => {
    const request: LayoutRequest = {
      nodes: ['a', 'b', 'c', 'd', 'e'].map(id => box(id)),
      edges: [
        edge('a', 'b'),
        edge('b', 'c'),
        edge('a', 'c'),
        edge('d', 'c'),
        edge('a', 'e'),
      ],
      groupAreas: false,
    };
    const layout = dagreLayout(request);
    for (const e of request.edges) {
      const route = layout.routes?.get(e.id);
      expect(route?.length).toBeGreaterThanOrEqual(2);
      for (const p of pointsOf(route!))
        for (const n of request.nodes) {
          const at = layout.positions.get(n.id)!;
          const inside =
            p.x > at.x &&
            p.x < at.x + n.width &&
            p.y > at.y &&
            p.y < at.y + n.height;
          expect(inside).toBe(false);
        }
    }
  });

  it('moves routes with their component where packing and the group frame put it', () => {
    const nodes = [
      box('a', 'g'),
      box('b', 'g'),
      box('c', 'g'),
      box('x', 'h'),
      box('y', 'h'),
    ];
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('x', 'y')];
    const layout = dagreLayout({ nodes, edges, groupAreas: true });
    const alone = dagreComponent(nodes.slice(0, 3), edges.slice(0, 2), 2);
    const dx = layout.positions.get('a')!.x - alone.positions.get('a')!.x;
    const dy = layout.positions.get('a')!.y - alone.positions.get('a')!.y;
    expect(dx !== 0 || dy !== 0).toBe(true);
    for (const id of ['a-b', 'b-c'])
      expect(layout.routes!.get(id)).toEqual(
        alone.routes!.get(id)!.map((v, i) => v + (i % 2 ? dy : dx)),
      );
  });

  it('has no route for lines between groups or to itself', () => {
    const request: LayoutRequest = {
      nodes: [box('hub', 'g'), box('mid', 'g'), box('far', 'h')],
      edges: [edge('mid', 'hub'), edge('hub', 'hub'), edge('far', 'hub')],
      groupAreas: true,
    };
    const routes = dagreLayout(request).routes ?? new Map();
    expect(routes.has('far-hub')).toBe(false);
    expect(routes.has('hub-hub')).toBe(false);
    expect(routes.has('mid-hub')).toBe(true);
  });

  it.each([
    ['referenced by the hub', false],
    ['referencing the hub', true],
  ])(
    'routes lines into a block of leaves %s clear of the other leaves',
    (_, out) => {
      // A fact with eight dimensions (or eight facts of one dimension): the
      // leaves are packed in columns beside the hub.
      const leaves = Array.from({ length: 8 }, (__, i) => `l${i}`);
      const request: LayoutRequest = {
        nodes: [
          { id: 'hub', width: 200, height: 400 },
          ...leaves.map(id => box(id)),
        ],
        edges: leaves.map(id => (out ? edge(id, 'hub') : edge('hub', id))),
        groupAreas: false,
        aspectRatio: 2,
      };
      const layout = dagreLayout(request);
      const rect = (id: string) => ({
        ...layout.positions.get(id)!,
        ...request.nodes.find(n => n.id === id)!,
      });
      const xs = new Set(leaves.map(id => rect(id).x));
      expect(xs.size).toBeGreaterThan(1); // more than one column
      for (const e of request.edges) {
        const route = layout.routes?.get(e.id);
        expect(route).toBeDefined();
        const points = pointsOf(route!);
        // Along the polyline, every 2 px: outside every leaf.
        for (let k = 0; k + 1 < points.length; k++) {
          const [a, b] = [points[k], points[k + 1]];
          const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2) + 1;
          for (let t = 0; t <= steps; t++) {
            const x = a.x + ((b.x - a.x) * t) / steps;
            const y = a.y + ((b.y - a.y) * t) / steps;
            for (const id of leaves) {
              const r = rect(id);
              expect(
                x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height,
              ).toBe(false);
            }
          }
        }
      }
    },
  );
});

describe('the routes message', () => {
  it('carries routes aligned with the edges and back, empty ones left out', () => {
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')];
    const routes = new Map([
      ['a-b', [1, 2, 3, 4]],
      ['c-d', [-5, 6]],
    ]);
    const message = encodeRoutes(edges, routes);
    expect(Array.from(message.ends)).toEqual([4, 4, 6]);
    expect(decodeRoutes(edges, message)).toEqual(routes);
    expect(decodeRoutes(edges, encodeRoutes(edges, undefined))).toBeUndefined();
  });
});
