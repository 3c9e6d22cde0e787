import { shopErdWithExposure } from '../__testUtils__/erdFixtures';
import { buildLayoutRequest } from '../hooks/layoutRequest';
import { dagreLayout } from '../layout/dagreLayout';
import { buildErdModel } from './erdModel';
import { exposureSize, visibleExposures } from './exposures';
import { tableSizes } from './nodeSize';
import { EXPOSURE_EDGE_CLASS, toFlow } from './toFlow';

const id = (name: string) => `model.shop.${name}`;
const EXPOSURE = 'exposure:weekly_revenue_dashboard';

describe('exposures in the diagram', () => {
  const model = buildErdModel(shopErdWithExposure());

  it('gathers each exposure once, with the tables it depends on', () => {
    expect(model.exposures).toEqual([
      {
        id: EXPOSURE,
        name: 'weekly_revenue_dashboard',
        entityRef: 'system:default/analytics',
        tableIds: [id('customers'), id('orders')],
      },
    ]);
  });

  it('follows the visible tables, keeping only lines to them', () => {
    expect(
      visibleExposures(model.exposures, new Set([id('orders')]))[0].tableIds,
    ).toEqual([id('orders')]);
    expect(
      visibleExposures(model.exposures, new Set([id('products')])),
    ).toEqual([]);
  });

  it('is laid out as a box next to its tables, overlapping none, and drawn with dashed lines', () => {
    const all = new Set(model.nodeById.keys());
    const sizes = tableSizes(model, all, 'all');
    const exposures = visibleExposures(model.exposures, all);
    const request = buildLayoutRequest(model, sizes, true, 2, exposures);
    const box = request.nodes.find(n => n.id === EXPOSURE)!;
    // in the schema of its tables, linked to both
    expect(box).toMatchObject({
      ...exposureSize(exposures[0]),
      group: 'analytics.marts',
    });
    expect(
      request.edges.filter(e => e.source === EXPOSURE).map(e => e.target),
    ).toEqual([id('customers'), id('orders')]);

    const layout = dagreLayout(request);
    const rects = request.nodes.map(n => ({
      ...n,
      ...layout.positions.get(n.id)!,
    }));
    const exposure = rects.find(r => r.id === EXPOSURE)!;
    for (const table of rects.filter(r => r.id !== EXPOSURE)) {
      const apart =
        exposure.x + exposure.width <= table.x ||
        table.x + table.width <= exposure.x ||
        exposure.y + exposure.height <= table.y ||
        table.y + table.height <= exposure.y;
      expect(apart).toBe(true);
    }
    // inside the area of its group
    const area = layout.groups.get('analytics.marts')!;
    expect(exposure.x).toBeGreaterThanOrEqual(area.x);
    expect(exposure.x + exposure.width).toBeLessThanOrEqual(
      area.x + area.width,
    );

    const flow = toFlow(model, all, layout, sizes, {
      showMode: 'all',
      drawEdges: true,
      exposures,
    });
    const node = flow.nodes.find(n => n.id === EXPOSURE)!;
    expect(node).toMatchObject({
      type: 'exposure',
      width: box.width,
      data: {
        name: 'weekly_revenue_dashboard',
        entityRef: 'system:default/analytics',
      },
    });
    const lines = flow.edges.filter(e => e.source === EXPOSURE);
    expect(lines.map(e => [e.target, e.className])).toEqual([
      [id('customers'), EXPOSURE_EDGE_CLASS],
      [id('orders'), EXPOSURE_EDGE_CLASS],
    ]);
    // attached to the table headers, on the sides facing each other
    for (const line of lines) {
      const leftOfTable =
        exposure.x + exposure.width / 2 <=
        layout.positions.get(line.target)!.x +
          sizes.get(line.target)!.width / 2;
      expect([line.sourceHandle, line.targetHandle]).toEqual(
        leftOfTable ? ['table:r', 'table:l'] : ['table:l', 'table:r'],
      );
    }
  });

  it('is not drawn without relationship lines (the overview)', () => {
    const all = new Set(model.nodeById.keys());
    const sizes = tableSizes(model, all, 'all');
    const exposures = visibleExposures(model.exposures, all);
    const layout = dagreLayout(
      buildLayoutRequest(model, sizes, true, 2, exposures),
    );
    const flow = toFlow(model, all, layout, sizes, {
      showMode: 'names',
      drawEdges: false,
      exposures,
    });
    expect(flow.nodes.some(n => n.type === 'exposure')).toBe(false);
    expect(flow.edges).toHaveLength(0);
  });
});
