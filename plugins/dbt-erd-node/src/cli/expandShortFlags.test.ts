import { expandShortFlags } from './expandShortFlags';

describe('expandShortFlags', () => {
  it("rewrites dbterd's multi-letter short flags to their long names", () => {
    expect(
      expandShortFlags([
        'run',
        '-ad',
        'target',
        '-ns',
        'x',
        '-rt',
        'source',
        '-enf',
        'table',
        '-eg',
        'schema',
        '-ofn',
        'a.dbml',
      ]),
    ).toEqual([
      'run',
      '--artifacts-dir',
      'target',
      '--exclude',
      'x',
      '--resource-type',
      'source',
      '--entity-name-format',
      'table',
      '--entity-group',
      'schema',
      '--output-file-name',
      'a.dbml',
    ]);
  });

  it('rewrites the -flag=value form', () => {
    expect(expandShortFlags(['-ad=target/x'])).toEqual([
      '--artifacts-dir=target/x',
    ]);
  });

  it('leaves one-letter flags, values, and everything after -- alone', () => {
    expect(
      expandShortFlags(['-a', 'semantic', '-s', 'adx', '--', '-ad']),
    ).toEqual(['-a', 'semantic', '-s', 'adx', '--', '-ad']);
    expect(expandShortFlags(['constructor', '-toString'])).toEqual([
      'constructor',
      '-toString',
    ]);
  });
});
