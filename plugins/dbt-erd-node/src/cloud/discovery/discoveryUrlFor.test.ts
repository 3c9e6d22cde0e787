import { discoveryUrlFor, withGraphqlPath } from './discoveryUrlFor';

describe('discoveryUrlFor', () => {
  it.each([
    // Legacy region hosts: metadata.<host>.
    ['https://cloud.getdbt.com', 'https://metadata.cloud.getdbt.com/graphql'],
    ['https://emea.dbt.com/', 'https://metadata.emea.dbt.com/graphql'],
    ['https://au.dbt.com', 'https://metadata.au.dbt.com/graphql'],
    // Legacy single-tenant hosts on getdbt.com.
    ['https://acme.getdbt.com', 'https://metadata.acme.getdbt.com/graphql'],
    // Cell-based multi-tenant hosts on every cloud: <prefix>.metadata.<cell>.dbt.com.
    ['https://ab123.us1.dbt.com', 'https://ab123.metadata.us1.dbt.com/graphql'],
    ['https://xy9.eu1.dbt.com', 'https://xy9.metadata.eu1.dbt.com/graphql'],
    ['https://xy9.au1.dbt.com', 'https://xy9.metadata.au1.dbt.com/graphql'],
    ['https://xy9.jp1.dbt.com', 'https://xy9.metadata.jp1.dbt.com/graphql'],
    ['https://xy9.us3.dbt.com', 'https://xy9.metadata.us3.dbt.com/graphql'],
    ['https://xy9.eu4.dbt.com', 'https://xy9.metadata.eu4.dbt.com/graphql'],
    ['https://xy9.eu2.dbt.com', 'https://xy9.metadata.eu2.dbt.com/graphql'],
    ['https://XY9.AU2.dbt.com', 'https://xy9.metadata.au2.dbt.com/graphql'],
    // New single-tenant hosts: a routing subdomain without digits.
    [
      'https://ab123.acme.dbt.com',
      'https://ab123.metadata.acme.dbt.com/graphql',
    ],
    [
      'https://ab123.acme.us1.dbt.com',
      'https://ab123.metadata.acme.us1.dbt.com/graphql',
    ],
    // Custom hosts, and loopback or IP hosts (a local fake serves /graphql itself).
    [
      'https://dbt.acme.internal:8443',
      'https://metadata.dbt.acme.internal:8443/graphql',
    ],
    ['http://127.0.0.1:8765', 'http://127.0.0.1:8765/graphql'],
    ['http://localhost:8765', 'http://localhost:8765/graphql'],
  ])('%s -> %s', (accessUrl, expected) => {
    expect(discoveryUrlFor(accessUrl)).toBe(expected);
  });
});

describe('withGraphqlPath', () => {
  it.each([
    [
      'https://ab123.metadata.us1.dbt.com',
      'https://ab123.metadata.us1.dbt.com/graphql',
    ],
    [
      'https://ab123.metadata.us1.dbt.com/',
      'https://ab123.metadata.us1.dbt.com/graphql',
    ],
    [
      'https://ab123.metadata.us1.dbt.com/graphql',
      'https://ab123.metadata.us1.dbt.com/graphql',
    ],
    [
      'https://ab123.metadata.us1.dbt.com/graphql/',
      'https://ab123.metadata.us1.dbt.com/graphql',
    ],
    ['https://proxy.acme.io/dbt', 'https://proxy.acme.io/dbt/graphql'],
  ])('%s -> %s', (configured, expected) => {
    expect(withGraphqlPath(configured)).toBe(expected);
  });
});
