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

function overlaps(result: LayoutResult, req: LayoutRequest) {
  const boxes = req.nodes.map(n => ({ ...n, ...result.positions[n.id] }));
  return boxes.some((a, i) =>
    boxes.some(
      (b, j) => i < j && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
    ),
  );
}

function contains(rect: { x: number; y: number; width: number; height: number }, n: { x: number; y: number; width: number; height: number }) {
  return n.x >= rect.x && n.y >= rect.y && n.x + n.width <= rect.x + rect.width && n.y + n.height <= rect.y + rect.height;
}

describe.each([
  ['dagre', dagreLayout],
  ['grid', gridLayout],
])('%s layout', (_, layout) => {
  it('places every node without overlaps, inside its group area', () => {
    const result = layout(request);
    expect(Object.keys(result.positions).sort()).toEqual(['customers', 'events', 'orders', 'products']);
    expect(overlaps(result, request)).toBe(false);
    for (const node of request.nodes) {
      expect(contains(result.groups[node.group!], { ...node, ...result.positions[node.id] })).toBe(true);
    }
  });
});

it('dagre puts referencing tables left of referenced ones', () => {
  const result = dagreLayout({ ...request, groupAreas: false });
  expect(result.positions.orders.x).toBeLessThan(result.positions.customers.x);
  expect(result.groups).toEqual({});
});

it('the engine falls back to in-thread async layout without workers (jest)', async () => {
  const engine = createLayoutEngine();
  const result = await engine.layout(request);
  expect(result.positions.orders).toBeDefined();
  engine.dispose();
});
