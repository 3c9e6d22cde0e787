import { estimateJsonLength, packJson, unpackJson } from './packJson';

describe('packJson', () => {
  it('packs the same text JSON.stringify writes, whatever the shape', async () => {
    const values: unknown[] = [
      {
        index: {
          nodes: Array.from({ length: 3000 }, (_, i) => ({
            uniqueId: `model.p.m${i}`,
            columns: { id: { name: 'id', type: 'int' } },
            compiledSql: i % 2 ? null : 'select 1 as "quoted"\n',
            gone: undefined,
          })),
          tests: [],
          semanticModels: undefined,
          warnings: ['a "warning"'],
          holes: [undefined, () => 1, null, 2],
        },
        info: { kind: 'local', name: 'é ☃', at: new Date(0) },
      },
      { 'model.p.m1': 'select 1' },
      {},
      [],
      'text',
      null,
    ];
    for (const value of values) {
      const { packed, jsonLength } = await packJson(value);
      const text = await unpackJson(packed);
      expect(text).toBe(JSON.stringify(value));
      expect(jsonLength).toBe(text.length);
    }
  });

  it('estimates the length of the text within a few percent', () => {
    const value = {
      nodes: Array.from({ length: 5000 }, (_, i) => ({
        uniqueId: `model.p.m${i}`,
        columns: Array.from({ length: i % 17 }, (__, c) => `column_${c}`),
      })),
      warnings: [],
    };
    const exact = JSON.stringify(value).length;
    expect(Math.abs(estimateJsonLength(value) - exact) / exact).toBeLessThan(
      0.05,
    );
    expect(estimateJsonLength({ a: [1, 2], b: 'x' })).toBe(
      JSON.stringify({ a: [1, 2], b: 'x' }).length,
    );
  });
});
