import { CliUsageError } from './cliErrors';
import {
  resolveDbtCloudSettings,
  secretsOf,
  toAccessUrl,
} from './dbtCloudSettings';
import { dbtCloudRunFlags } from './__testUtils__/cliHarness';

const flags = dbtCloudRunFlags;

describe('toAccessUrl', () => {
  it('assumes https for a bare host, as dbterd does', () => {
    expect(toAccessUrl('cloud.getdbt.com')).toBe('https://cloud.getdbt.com');
    expect(toAccessUrl('ab123.us1.dbt.com/')).toBe('https://ab123.us1.dbt.com');
  });

  it('keeps a full http(s) URL', () => {
    expect(toAccessUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(toAccessUrl('https://emea.dbt.com/')).toBe('https://emea.dbt.com');
  });

  it('refuses anything else', () => {
    expect(() => toAccessUrl('ftp://x.com')).toThrow(CliUsageError);
    expect(() => toAccessUrl('http://')).toThrow(CliUsageError);
  });
});

describe('resolveDbtCloudSettings', () => {
  it('reads ids as numbers', () => {
    expect(
      resolveDbtCloudSettings(
        flags({
          dbtCloudHostUrl: 'ab123.us1.dbt.com',
          dbtCloudAccountId: '1',
          dbtCloudServiceToken: 't',
          dbtCloudJobId: '45',
        }),
        {},
      ),
    ).toMatchObject({
      accessUrl: 'https://ab123.us1.dbt.com',
      accountId: '1',
      token: 't',
      runId: undefined,
      jobId: 45,
    });
  });

  it('treats blank variables as unset', () => {
    expect(
      resolveDbtCloudSettings(
        flags({ dbtCloudServiceToken: 't', dbtCloudRunId: '3' }),
        {
          DBTERD_DBT_CLOUD_ACCOUNT_ID: '5',
          DBTERD_DBT_CLOUD_HOST_URL: 'ab123.us1.dbt.com',
          DBTERD_DBT_CLOUD_API_VERSION: '',
        },
      ).accessUrl,
    ).toBe('https://ab123.us1.dbt.com');
  });

  it('refuses a run id that is not a number', () => {
    expect(() =>
      resolveDbtCloudSettings(
        flags({
          dbtCloudAccountId: '1',
          dbtCloudServiceToken: 't',
          dbtCloudRunId: 'latest',
        }),
        {},
      ),
    ).toThrow(
      'dbt Cloud run id "latest" is not a number; pass the numeric id with --dbt-cloud-run-id',
    );
  });
});

describe('secretsOf', () => {
  it('finds the token in the variable and in both flag forms, before any parsing', () => {
    expect(
      secretsOf(
        [
          'run',
          '--dbt-cloud-service-token',
          'a1',
          '--dbt-cloud-service-token=b2',
        ],
        { DBTERD_DBT_CLOUD_SERVICE_TOKEN: 'c3' },
      ).sort(),
    ).toEqual(['a1', 'b2', 'c3']);
  });
});
