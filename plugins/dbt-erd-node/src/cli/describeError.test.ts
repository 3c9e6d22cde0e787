import { ErdInputError } from 'backstage-plugin-dbt-erd-common';
import { DbtArtifactError } from '../errors';
import { CliUsageError } from './cliErrors';
import { describeError } from './describeError';
import { redactSecrets } from './redactSecrets';

describe('describeError', () => {
  it('exits 2 for usage errors and 1 for bad input', () => {
    expect(describeError(new CliUsageError('bad flag')).exitCode).toBe(2);
    expect(
      describeError(new DbtArtifactError('manifest.json', 'bad file')).exitCode,
    ).toBe(1);
    expect(
      describeError(new ErdInputError('manifest.json: bad')).exitCode,
    ).toBe(1);
  });

  it('reduces an unexpected error to its message, without the stack', () => {
    const report = describeError(new TypeError('x is undefined'));
    expect(report).toEqual({
      message: 'unexpected failure: x is undefined',
      exitCode: 1,
    });
    expect(describeError('thrown string').message).toBe(
      'unexpected failure: thrown string',
    );
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redactSecrets('Token abc and abc, def', ['abc', 'def', ''])).toBe(
      'Token *** and ***, ***',
    );
  });
});
