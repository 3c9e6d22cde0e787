import { CliUsageError } from './cliErrors';
import { DbtCloudFlags } from './RunFlags';

/** Where and what to download from dbt Cloud, validated. */
export interface DbtCloudSettings {
  /** e.g. https://cloud.getdbt.com, or http://127.0.0.1:PORT for a local fake. */
  accessUrl: string;
  accountId: string;
  token: string;
  /** When set, the job id is ignored (dbterd's precedence). */
  runId?: number;
  jobId?: number;
}

const DEFAULT_HOST = 'cloud.getdbt.com';
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

/** dbterd takes a bare host and prefixes https://; a full URL (tests, proxies) is kept. */
export function toAccessUrl(host: string): string {
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
      `dbt Cloud host "${host}" is not a host name or http(s) URL; pass e.g. --dbt-cloud-host-url cloud.getdbt.com`,
    );
  }
  return url.href.replace(/\/+$/, '');
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
  const accessUrl = toAccessUrl(
    flagOrEnv(flags.dbtCloudHostUrl, env, 'DBTERD_DBT_CLOUD_HOST_URL') ??
      DEFAULT_HOST,
  );
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
  return { accessUrl, accountId, token, runId, jobId };
}

const TOKEN_FLAG = '--dbt-cloud-service-token';

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
