import { InputError } from '@backstage/errors';
import { DbtCloudClient } from './DbtCloudClient';

const TOKEN = 'dbtc_access-url-S3CRET';
const client = (accessUrl: string, discoveryUrl?: string) =>
  new DbtCloudClient({
    accountName: 'main',
    accountId: 1,
    accessUrl,
    discoveryUrl,
    token: TOKEN,
  });

describe('DbtCloudClient access URLs (issues 17.7, 18.1)', () => {
  it('has no default access URL', () => {
    expect(() => client('')).toThrow(
      "dbt Cloud account main: accessUrl is missing; use the account's own access URL from dbt Cloud's Account settings → Access URLs",
    );
  });

  it.each(['http://ab123.us1.dbt.com', 'http://10.1.2.3'])(
    'refuses to send the token over http to %s',
    accessUrl => {
      let error: unknown;
      try {
        client(accessUrl);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect(String(error)).toMatch(
        /uses http: the service token would travel in clear text/,
      );
      expect(String(error)).not.toContain(TOKEN);
    },
  );

  it('refuses an http Discovery URL off loopback', () => {
    expect(() =>
      client('https://ab123.us1.dbt.com', 'http://ab123.metadata.us1.dbt.com'),
    ).toThrow(
      /discoveryUrl "http:\/\/ab123\.metadata\.us1\.dbt\.com" uses http/,
    );
  });

  it('accepts http on loopback, for local fakes', () => {
    expect(() => client('http://127.0.0.1:8765')).not.toThrow();
    expect(() => client('http://localhost:8765')).not.toThrow();
  });
});
