import { discoveryUrlFor } from './discoveryUrlFor';

describe('discoveryUrlFor', () => {
  it.each([
    ['https://cloud.getdbt.com', 'https://metadata.cloud.getdbt.com/graphql'],
    ['https://emea.dbt.com/', 'https://metadata.emea.dbt.com/graphql'],
    ['https://au.dbt.com', 'https://metadata.au.dbt.com/graphql'],
    ['https://ab123.us1.dbt.com', 'https://ab123.metadata.us1.dbt.com/graphql'],
    ['https://xy9.eu2.dbt.com', 'https://xy9.metadata.eu2.dbt.com/graphql'],
    [
      'https://dbt.acme.internal:8443',
      'https://metadata.dbt.acme.internal:8443/graphql',
    ],
  ])('%s -> %s', (accessUrl, expected) => {
    expect(discoveryUrlFor(accessUrl)).toBe(expected);
  });
});
