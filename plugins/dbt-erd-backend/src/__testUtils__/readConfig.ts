import { ConfigReader } from '@backstage/config';
import { readDbtErdConfig } from '../config/readDbtErdConfig';

/** The token of configAccount: an error that contains it leaks it. */
export const CONFIG_TOKEN = 'dbtc_secret';

/** An entry of `dbtErd.cloud.accounts`, with these keys set or changed. */
export const configAccount = (overrides: Record<string, unknown> = {}) => ({
  name: 'main',
  accountId: 12345,
  accessUrl: 'https://ab123.us1.dbt.com',
  token: CONFIG_TOKEN,
  ...overrides,
});

/** readDbtErdConfig of a config whose `dbtErd` is this value. */
export const readDbtErd = (dbtErd: unknown) =>
  readDbtErdConfig(new ConfigReader({ dbtErd } as any));

/**
 * The error reading `dbtErd` fails with, checked for the token before
 * anything else: a message that leaks it fails as a leak, whatever else it
 * says.
 */
export function startupError(dbtErd: unknown): Error {
  let error: unknown;
  try {
    readDbtErd(dbtErd);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  const { message, stack } = error as Error;
  expect(`${message}\n${stack}`).not.toContain(CONFIG_TOKEN);
  return error as Error;
}
