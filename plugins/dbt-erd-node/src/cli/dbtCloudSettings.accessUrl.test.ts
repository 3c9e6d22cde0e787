import { CliUsageError } from './cliErrors';
import { resolveDbtCloudSettings } from './dbtCloudSettings';
import { RunFlags } from './RunFlags';
import { dbtCloudRunFlags } from './__testUtils__/cliHarness';

const flags = (overrides: Partial<RunFlags>) =>
  dbtCloudRunFlags({
    dbtCloudAccountId: '1',
    dbtCloudRunId: '3',
    ...overrides,
  });
const env = { DBTERD_DBT_CLOUD_SERVICE_TOKEN: 't' };

describe('resolveDbtCloudSettings: hosts as they are in 2026', () => {
  it.each(['cloud.getdbt.com', 'https://emea.dbt.com', 'au.dbt.com'])(
    'warns on the deprecated region host %s, naming Access URLs',
    host => {
      const { accessUrl, warnings } = resolveDbtCloudSettings(
        flags({ dbtCloudHostUrl: host }),
        env,
      );
      expect(accessUrl).toBe(
        `https://${host.replace(/^https:\/\//, '')}`.replace(/\/$/, ''),
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^dbt Cloud host \(--dbt-cloud-host-url\) [a-z.]+ is a deprecated dbt Cloud region URL: .*Account settings → Access URLs/,
      );
    },
  );

  it('has no warnings for an account-specific host with the token in the environment', () => {
    expect(
      resolveDbtCloudSettings(
        flags({ dbtCloudHostUrl: 'ab123.us1.dbt.com' }),
        env,
      ).warnings,
    ).toEqual([]);
  });

  it('refuses http off loopback as a usage error', () => {
    expect(() =>
      resolveDbtCloudSettings(
        flags({ dbtCloudHostUrl: 'http://ab123.us1.dbt.com' }),
        env,
      ),
    ).toThrow(CliUsageError);
  });

  it('has no default host', () => {
    expect(() => resolveDbtCloudSettings(flags({}), env)).toThrow(
      /^dbt Cloud host is missing; pass --dbt-cloud-host-url/,
    );
  });
});
