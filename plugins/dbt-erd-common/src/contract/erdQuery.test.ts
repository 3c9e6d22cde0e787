import {
  erdDiffQuerySchema,
  erdOptionsQuerySchema,
  erdQuerySchema,
  parseErdQuery,
} from './erdQuery';

describe('parseErdQuery', () => {
  it('accepts the options, repeated lists and an export format', () => {
    expect(
      parseErdQuery(erdQuerySchema, {
        select: ['schema:marts', 'tag:x'],
        exclude: 'orders',
        algo: 'semantic',
        format: 'dbml',
      }),
    ).toEqual({
      ok: true,
      query: {
        select: ['schema:marts', 'tag:x'],
        exclude: 'orders',
        algo: 'semantic',
        format: 'dbml',
      },
    });
    expect(parseErdQuery(erdOptionsQuerySchema, undefined)).toEqual({
      ok: true,
      query: {},
    });
  });

  it.each([
    [
      erdQuerySchema,
      { algo: ['a', 'b'] },
      'algo',
      /algo is not valid; it takes one text value naming an algorithm/,
    ],
    [
      erdQuerySchema,
      { format: 'pdf' },
      'format',
      /format "pdf" is not supported; use one of dbml, mermaid/,
    ],
    [
      erdQuerySchema,
      { select: 'x'.repeat(2001) },
      'select',
      /select is longer than 2000 characters/,
    ],
    [
      erdQuerySchema,
      { select: { a: '1' } },
      'select',
      /select is not valid; it takes dbt selectors/,
    ],
    [
      erdQuerySchema,
      { colour: 'red' },
      'colour',
      /"colour" is not known; use select, exclude/,
    ],
    [
      erdOptionsQuerySchema,
      { format: 'dbml' },
      'format',
      /"format" is not known/,
    ],
    [
      erdDiffQuerySchema,
      { format: 'dbml' },
      'format',
      /format "dbml" is not supported; use json, markdown or md/,
    ],
  ])(
    'refuses %#: names %s and what it takes',
    (schema, query, parameter, message) => {
      const result = parseErdQuery(schema, query);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.parameter).toBe(parameter);
      expect(result.problem.message).toMatch(message as RegExp);
    },
  );
});
