import { packColumns } from './packColumns';

describe('packColumns', () => {
  const boxes = Array.from({ length: 6 }, (_, i) => ({
    width: 100 + i * 10,
    height: 50,
  }));

  it('stacks boxes in columns, in order, with straight gutters between them', () => {
    const packed = packColumns(boxes, 1, 30);
    expect(packed.columns.length).toBeGreaterThan(1);
    packed.positions.forEach((p, i) => {
      const column = packed.columns[packed.columnOf[i]];
      expect(p.x).toBe(column.x);
      expect(boxes[i].width).toBeLessThanOrEqual(column.width);
    });
    for (let c = 1; c < packed.columns.length; c++) {
      const before = packed.columns[c - 1];
      expect(packed.columns[c].x).toBe(before.x + before.width + 30);
    }
    expect(packed.columnOf).toEqual([...packed.columnOf].sort());
  });

  it('picks the column count closest to the shape asked for', () => {
    expect(packColumns(boxes, 0.01, 30).columns).toHaveLength(1);
    expect(packColumns(boxes, 100, 30).columns).toHaveLength(6);
  });
});
