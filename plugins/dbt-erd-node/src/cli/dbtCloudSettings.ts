import { InputError } from '@backstage/errors';
import { ACCESS_URL_HINT, checkDbtCloudUrl } from '../cloud/dbtCloudUrl';
import { CliUsageError } from './cliErrors';
import { DbtCloudFlags } from './RunFlags';

/** Where and what to download from dbt Cloud, validated. */
export interface DbtCloudSettings {
  /** e.g. https://ab123.us1.dbt.com, or http://127.0.0.1:PORT for a local fake. */
  accessUrl: string;
  accountId: string;
  token: string;
  /** When set, the job id is ignored (dbterd's precedence). */
  runId?: number;
  jobId?: number;
  /** To print before downloading: a deprecated host, a token on the command line. */
  warnings: string[];
}

const HOST_FLAG = '--dbt-cloud-host-url';
const TOKEN_FLAG = '--dbt-cloud-service-token';
const SUPPORTED_API_VERSION = 'v2';

type Env = Record<string, string | undefined>;

/** The flag, else dbterd's environment variable; blank counts as unset. */
function flagOrEnv(
  flag: string | undefined,
  env: Env,
  variable: string,
): string | undefined {
  const value = flag ?? env[variable];
  return value?.trim() ? value.trim() : undefined;
}

/**
 * dbterd takes a bare host and prefixes https://; a full URL (tests, proxies)
 * is kept. http is refused except on loopback, so the token never travels in
 * clear text.
 */
export function toAccessUrl(host: string): string {
  return checkAccessUrl(host).href;
}

function checkAccessUrl(host: string) {
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(host)
    ? host
    : `https://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.host) {
    throw new CliUsageError(
      `dbt Cloud host "${host}" is not a host name or http(s) URL; pass the account's access URL, e.g. ${HOST_FLAG} ab123.us1.dbt.com (dbt Cloud: Account settings → Access URLs)`,
    );
  }
  try {
    return checkDbtCloudUrl(url.href, `dbt Cloud host (${HOST_FLAG})`);
  } catch (error) {
    if (error instanceof InputError) throw new CliUsageError(error.message);
    throw error;
  }
}

function positiveId(
  value: string | undefined,
  what: string,
  flag: string,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new CliUsageError(
      `dbt Cloud ${what} "${value}" is not a number; pass the numeric id with ${flag}`,
    );
  }
  return Number(value);
}

/** The --dbt-cloud-* flags, each falling back to its DBTERD_DBT_CLOUD_* variable. */
export function resolveDbtCloudSettings(
  flags: DbtCloudFlags,
  env: Env,
): DbtCloudSettings {
  const apiVersion =
    flagOrEnv(flags.dbtCloudApiVersion, env, 'DBTERD_DBT_CLOUD_API_VERSION') ??
    SUPPORTED_API_VERSION;
  if (apiVersion !== SUPPORTED_API_VERSION) {
    throw new CliUsageError(
      `dbt Cloud API version "${apiVersion}" is not supported; use ${SUPPORTED_API_VERSION} (--dbt-cloud-api-version, DBTERD_DBT_CLOUD_API_VERSION)`,
    );
  }
  const accountId = flagOrEnv(
    flags.dbtCloudAccountId,
    env,
    'DBTERD_DBT_CLOUD_ACCOUNT_ID',
  );
  if (!accountId) {
    throw new CliUsageError(
      'dbt Cloud account id is missing; pass --dbt-cloud-account-id or set DBTERD_DBT_CLOUD_ACCOUNT_ID',
    );
  }
  positiveId(accountId, 'account id', '--dbt-cloud-account-id');
  const token = flagOrEnv(
    flags.dbtCloudServiceToken,
    env,
    'DBTERD_DBT_CLOUD_SERVICE_TOKEN',
  );
  if (!token) {
    throw new CliUsageError(
      'dbt Cloud service token is missing; pass --dbt-cloud-service-token or set DBTERD_DBT_CLOUD_SERVICE_TOKEN',
    );
  }
  const runId = positiveId(
    flagOrEnv(flags.dbtCloudRunId, env, 'DBTERD_DBT_CLOUD_RUN_ID'),
    'run id',
    '--dbt-cloud-run-id',
  );
  const jobId = positiveId(
    flagOrEnv(flags.dbtCloudJobId, env, 'DBTERD_DBT_CLOUD_JOB_ID'),
    'job id',
    '--dbt-cloud-job-id',
  );
  if (runId === undefined && jobId === undefined) {
    throw new CliUsageError(
      'dbt Cloud run id or job id is missing; pass --dbt-cloud-run-id or --dbt-cloud-job-id (or set DBTERD_DBT_CLOUD_RUN_ID / DBTERD_DBT_CLOUD_JOB_ID)',
    );
  }
  // Checked last: the old default (cloud.getdbt.com) is deprecated, so there is none.
  const host = flagOrEnv(
    flags.dbtCloudHostUrl,
    env,
    'DBTERD_DBT_CLOUD_HOST_URL',
  );
  if (!host) {
    throw new CliUsageError(
      `dbt Cloud host is missing; pass ${HOST_FLAG} (or set DBTERD_DBT_CLOUD_HOST_URL) with your account's access URL: ${ACCESS_URL_HINT.replace(
        /^use /,
        '',
      )}. The old default cloud.getdbt.com is deprecated for API integrations`,
    );
  }
  const checked = checkAccessUrl(host);
  const warnings = checked.warning ? [checked.warning] : [];
  if (flags.dbtCloudServiceToken?.trim()) {
    warnings.push(
      `${TOKEN_FLAG} puts the token in the process list (ps) and your shell history; set DBTERD_DBT_CLOUD_SERVICE_TOKEN instead`,
    );
  }
  return { accessUrl: checked.href, accountId, token, runId, jobId, warnings };
}

/**
 * The token, wherever it came from, so no output line can ever show it. Read
 * from the raw arguments, so that it is known even when parsing them fails.
 */
export function secretsOf(argv: readonly string[], env: Env): string[] {
  const secrets = [env.DBTERD_DBT_CLOUD_SERVICE_TOKEN];
  argv.forEach((token, i) => {
    if (token === TOKEN_FLAG) secrets.push(argv[i + 1]);
    else if (token.startsWith(`${TOKEN_FLAG}=`)) {
      secrets.push(token.slice(TOKEN_FLAG.length + 1));
    }
  });
  return secrets
    .map(secret => secret?.trim() ?? '')
    .filter(secret => secret.length > 0);
}
