import { exportScale, MAX_IMAGE_PIXELS, MIN_EXPORT_SCALE } from './exportImage';

describe('whole-diagram image size guard', () => {
  it('draws a diagram of ordinary size at full size', () => {
    expect(
      exportScale({ x: 0, y: 0, width: 3000, height: 1500 }, 'png', 40),
    ).toBe(1);
  });

  it('scales a large diagram down to the pixel budget, names still legible', () => {
    const bounds = { x: -100, y: 0, width: 6000, height: 4000 };
    const scale = exportScale(bounds, 'png', 500);
    expect(scale).toBeLessThan(1);
    expect(scale).toBeGreaterThanOrEqual(MIN_EXPORT_SCALE);
    // PNG at twice the pixel ratio, within the budget
    expect(6048 * scale * 2 * (4048 * scale * 2)).toBeLessThanOrEqual(
      MAX_IMAGE_PIXELS * 1.001,
    );
  });

  it('refuses, saying what to do, when no readable scale fits', () => {
    expect(() =>
      exportScale({ x: 0, y: 0, width: 60_000, height: 30_000 }, 'svg', 10_000),
    ).toThrow(
      /10000 tables\) is too large for one readable image; focus a table or narrow the ERD with filters/,
    );
  });
});
