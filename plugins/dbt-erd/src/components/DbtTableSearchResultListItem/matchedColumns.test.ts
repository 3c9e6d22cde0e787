import { matchedColumns } from './matchedColumns';

describe('matchedColumns', () => {
  it('names the columns any word of the term is part of, ignoring case', () => {
    expect(
      matchedColumns(['product_id', 'roast_level', 'name'], 'Roast_Level'),
    ).toEqual(['roast_level']);
    expect(matchedColumns(['a_id', 'b_id', 'name'], 'name id')).toEqual([
      'a_id',
      'b_id',
      'name',
    ]);
  });

  it('shows at most three and nothing for an empty term', () => {
    expect(matchedColumns(['x1', 'x2', 'x3', 'x4'], 'x')).toHaveLength(3);
    expect(matchedColumns(['x'], '  ')).toEqual([]);
  });
});
