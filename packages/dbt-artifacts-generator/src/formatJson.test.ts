import { formatJson } from './formatJson';

describe('formatJson', () => {
  it('lays JSON out as Prettier does', () => {
    const value = {
      fqn: ['acme', 'marts', 'orders'],
      sources: [['shop', 'orders']],
      pairs: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      long: Array.from({ length: 8 }, (_, i) => `model.acme.model_${i}`),
      rows: [{ id: 1 }],
      empty: { list: [], object: {} },
    };
    expect(formatJson(value)).toBe(`{
  "fqn": ["acme", "marts", "orders"],
  "sources": [["shop", "orders"]],
  "pairs": [
    ["a", "b"],
    ["c", "d"]
  ],
  "long": [
    "model.acme.model_0",
    "model.acme.model_1",
    "model.acme.model_2",
    "model.acme.model_3",
    "model.acme.model_4",
    "model.acme.model_5",
    "model.acme.model_6",
    "model.acme.model_7"
  ],
  "rows": [
    {
      "id": 1
    }
  ],
  "empty": {
    "list": [],
    "object": {}
  }
}
`);
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });
});
