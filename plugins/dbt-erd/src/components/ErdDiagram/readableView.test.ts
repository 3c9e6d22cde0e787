import { LEGIBLE_PX, LOD_REGION_ZOOM, readableViewport } from './readableView';

const canvas = { width: 1100, height: 500 };
const options = { titleFontPx: 14, maxZoom: 2, levelOfDetail: true };

describe('the first view', () => {
  it('shows everything when names stay legible (by level of detail down to 0.35)', () => {
    expect(
      readableViewport(
        { x: 0, y: 0, width: 2400, height: 1000 },
        undefined,
        canvas,
        options,
      ),
    ).toBeUndefined();
  });

  it('opens a project too large for that at the top left, at a zoom where names are legible', () => {
    const view = readableViewport(
      { x: 100, y: 50, width: 20_000, height: 9000 },
      undefined,
      canvas,
      options,
    )!;
    expect(view.zoom).toBe(LOD_REGION_ZOOM);
    expect(view).toMatchObject({ x: -100 * view.zoom, y: -50 * view.zoom });
    const withoutLod = readableViewport(
      { x: 0, y: 0, width: 20_000, height: 9000 },
      undefined,
      canvas,
      {
        ...options,
        levelOfDetail: false,
      },
    )!;
    expect(withoutLod.zoom * 14).toBeGreaterThanOrEqual(LEGIBLE_PX);
  });

  it('centres on the most connected table, keeping its name in view even when it is taller than the view', () => {
    const bounds = { x: 0, y: 0, width: 20_000, height: 20_000 };
    const tall = { x: 8000, y: 5000, width: 300, height: 6000 };
    const view = readableViewport(bounds, tall, canvas, options)!;
    const left = -view.x / view.zoom;
    const top = -view.y / view.zoom;
    expect(left).toBeLessThan(tall.x);
    expect(left + canvas.width / view.zoom).toBeGreaterThan(
      tall.x + tall.width,
    );
    expect(top).toBeLessThan(tall.y);
    expect(top + canvas.height / view.zoom).toBeGreaterThan(tall.y + 100);
  });
});
