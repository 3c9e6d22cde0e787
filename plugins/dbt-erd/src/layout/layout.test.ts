import dagre from '@dagrejs/dagre';
import { Rect } from '../geometry';
import { dagreLayout } from './dagreLayout';
import { gridLayout } from './gridLayout';
import { createLayoutEngine } from './layoutEngine';
import { LayoutRequest, LayoutResult } from './types';

const request: LayoutRequest = {
  nodes: [
    { id: 'orders', width: 200, height: 100, group: 'marts' },
    { id: 'customers', width: 180, height: 60, group: 'marts' },
    { id: 'products', width: 180, height: 60, group: 'marts' },
    { id: 'events', width: 180, height: 60, group: 'staging' },
  ],
  edges: [
    { id: 'e1', source: 'orders', target: 'customers' },
    { id: 'e2', source: 'orders', target: 'products' },
  ],
  groupAreas: true,
};

const boxesOf = (result: LayoutResult, req: LayoutRequest): Rect[] =>
  req.nodes.map(n => ({ ...n, ...result.positions.get(n.id)! }));

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width &&
  b.x < a.x + a.width &&
  a.y < b.y + b.height &&
  b.y < a.y + a.height;

function overlapping(boxes: Rect[]): number {
  let count = 0;
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach(b => (count += overlap(a, b) ? 1 : 0)),
  );
  return count;
}

function contains(rect: Rect, n: Rect) {
  return (
    n.x >= rect.x &&
    n.y >= rect.y &&
    n.x + n.width <= rect.x + rect.width &&
    n.y + n.height <= rect.y + rect.height
  );
}

/** Width / height of everything drawn: tables and group areas. */
/** `count` tables t0, t1, … of one size. */
const sameSizeTables = (count: number, width: number, height: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `t${i}`, width, height }));

function shape(result: LayoutResult, req: LayoutRequest): number {
  const all = [...boxesOf(result, req), ...result.groups.values()];
  const x1 = Math.min(...all.map(b => b.x));
  const y1 = Math.min(...all.map(b => b.y));
  const x2 = Math.max(...all.map(b => b.x + b.width));
  const y2 = Math.max(...all.map(b => b.y + b.height));
  return (x2 - x1) / (y2 - y1);
}

/** A deterministic spread of table sizes, as real projects have. */
const table = (id: string, i: number, group?: string) => ({
  id,
  width: 180 + ((i * 37) % 180),
  height: 34 + 22 * ((i * 7) % 25),
  group,
});

describe.each([
  ['dagre', dagreLayout],
  ['grid', gridLayout],
])('%s layout', (_, layout) => {
  it('places every node without overlaps, inside its group area', () => {
    const result = layout(request);
    expect([...result.positions.keys()].sort()).toEqual([
      'customers',
      'events',
      'orders',
      'products',
    ]);
    expect(overlapping(boxesOf(result, request))).toBe(0);
    for (const node of request.nodes) {
      expect(
        contains(result.groups.get(node.group!)!, {
          ...node,
          ...result.positions.get(node.id)!,
        }),
      ).toBe(true);
    }
  });

  describe.each([2, 2.8, 1])('packed to a canvas of shape %d', aspectRatio => {
    it('300 unconnected tables: no tower, no overlaps', () => {
      const req: LayoutRequest = {
        nodes: Array.from({ length: 300 }, (__, i) => table(`t${i}`, i)),
        edges: [],
        groupAreas: false,
        aspectRatio,
      };
      const result = layout(req);
      expect(overlapping(boxesOf(result, req))).toBe(0);
      const ratio = shape(result, req) / aspectRatio;
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });

    it('5 groups of 1 to 60 tables, some joined: no overlaps between tables or groups', () => {
      const sizes = [1, 5, 15, 30, 60];
      const nodes = sizes.flatMap((size, g) =>
        Array.from({ length: size }, (__, i) =>
          table(`g${g}t${i}`, i + g, `schema_${g}`),
        ),
      );
      // A chain in each group's first third, and a star on its first table.
      const edges = sizes.flatMap((size, g) =>
        Array.from({ length: Math.floor(size / 3) }, (__, i) => ({
          id: `g${g}e${i}`,
          source: `g${g}t${i + 1}`,
          target: i % 2 ? `g${g}t${i}` : `g${g}t0`,
        })),
      );
      const req: LayoutRequest = {
        nodes,
        edges,
        groupAreas: true,
        aspectRatio,
      };
      const result = layout(req);
      const boxes = boxesOf(result, req);
      expect(overlapping(boxes)).toBe(0);
      expect(overlapping([...result.groups.values()])).toBe(0);
      nodes.forEach((n, i) =>
        expect(contains(result.groups.get(n.group!)!, boxes[i])).toBe(true),
      );
      const ratio = shape(result, req) / aspectRatio;
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });
  });

  it('keeps artifact names out of Object.prototype (schema and table named __proto__, constructor)', () => {
    const hostile: LayoutRequest = {
      nodes: [
        { id: '__proto__', width: 180, height: 60, group: '__proto__' },
        { id: 'constructor', width: 180, height: 60, group: 'constructor' },
        { id: 'hasOwnProperty', width: 180, height: 60, group: '__proto__' },
      ],
      edges: [
        { id: '__proto__', source: '__proto__', target: 'hasOwnProperty' },
      ],
      groupAreas: true,
    };
    const result = layout(hostile);
    expect([...result.positions.keys()].sort()).toEqual([
      '__proto__',
      'constructor',
      'hasOwnProperty',
    ]);
    expect([...result.groups.keys()].sort()).toEqual([
      '__proto__',
      'constructor',
    ]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(overlapping(boxesOf(result, hostile))).toBe(0);
  });
});

it('dagre puts referencing tables left of referenced ones', () => {
  const result = dagreLayout({ ...request, groupAreas: false });
  expect(result.positions.get('orders')!.x).toBeLessThan(
    result.positions.get('customers')!.x,
  );
  expect(result.groups.size).toBe(0);
});

it('dagre lays a star (one dimension, 40 facts) out top to bottom rather than as a tower', () => {
  const nodes = sameSizeTables(41, 200, 120);
  const edges = nodes
    .slice(1)
    .map(n => ({ id: n.id, source: n.id, target: 't0' }));
  const req: LayoutRequest = {
    nodes,
    edges,
    groupAreas: false,
    aspectRatio: 2,
  };
  const ratio = shape(dagreLayout(req), req) / 2;
  expect(ratio).toBeGreaterThan(0.5);
  expect(ratio).toBeLessThan(2);
});

describe('the direction of a component', () => {
  const runs = () => jest.spyOn(dagre, 'layout');
  afterEach(() => jest.restoreAllMocks());

  /** A root, `fanOut` tables referencing it, each referenced by its own `leaves` tables. */
  function tree(fanOut: number, leaves: number): LayoutRequest {
    const nodes = [{ id: 'root', width: 220, height: 200 }];
    const edges: LayoutRequest['edges'] = [];
    for (let i = 0; i < fanOut; i++) {
      nodes.push({ id: `mid${i}`, width: 220, height: 200 });
      edges.push({ id: `m${i}`, source: `mid${i}`, target: 'root' });
      for (let j = 0; j < leaves; j++) {
        nodes.push({ id: `leaf${i}_${j}`, width: 220, height: 120 });
        edges.push({
          id: `l${i}_${j}`,
          source: `leaf${i}_${j}`,
          target: `mid${i}`,
        });
      }
    }
    return { nodes, edges, groupAreas: false, aspectRatio: 2.2 };
  }

  it('lays a wide, shallow tree out top to bottom with one dagre run: its layers, stacked, fit the canvas', () => {
    const dagreRuns = runs();
    const req = tree(12, 5);
    const result = dagreLayout(req);
    expect(dagreRuns).toHaveBeenCalledTimes(1);
    // Top to bottom: referencing tables above the ones they reference.
    expect(result.positions.get('mid0')!.y).toBeLessThan(
      result.positions.get('root')!.y,
    );
    expect(overlapping(boxesOf(result, req))).toBe(0);
  });

  it('lays a chain out left to right with one dagre run', () => {
    const dagreRuns = runs();
    const nodes = sameSizeTables(8, 200, 160);
    const edges = nodes
      .slice(1)
      .map((n, i) => ({ id: n.id, source: n.id, target: `t${i}` }));
    const result = dagreLayout({
      nodes,
      edges,
      groupAreas: false,
      aspectRatio: 2.2,
    });
    expect(dagreRuns).toHaveBeenCalledTimes(1);
    expect(result.positions.get('t1')!.x).toBeLessThan(
      result.positions.get('t0')!.x,
    );
  });

  it('lays a cycle out without overlaps, with no estimate (dagre breaks the cycle its own way)', () => {
    const dagreRuns = runs();
    const nodes = sameSizeTables(30, 200, 160);
    const edges = nodes.map((n, i) => ({
      id: n.id,
      source: n.id,
      target: `t${(i + 1) % nodes.length}`,
    }));
    const req = { nodes, edges, groupAreas: false, aspectRatio: 2.2 };
    expect(overlapping(boxesOf(dagreLayout(req), req))).toBe(0);
    expect(dagreRuns.mock.calls.length).toBeLessThanOrEqual(2);
  });
});

it('the engine falls back to in-thread async layout without workers (jest)', async () => {
  const engine = createLayoutEngine();
  const result = await engine.layout(request);
  expect(result.positions.get('orders')).toBeDefined();
  engine.dispose();
});
