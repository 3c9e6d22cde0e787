import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { ErdOptions } from 'backstage-plugin-dbt-erd-common';
import {
  ACCESS_URL_HINT,
  checkDbtCloudUrl,
} from 'backstage-plugin-dbt-erd-node';
import { assertKnownConfigKeys } from './knownConfigKeys';
import {
  readProjectIds,
  readSourceReach,
  SourceReach,
} from './readSourceReach';

/** One dbt Cloud account the backend may read from, and who may use it. */
export interface DbtCloudAccountConfig extends SourceReach {
  name: string;
  accountId: number;
  accessUrl: string;
  token: string;
  discoveryUrl?: string;
  /** dbt Cloud projects the account serves; unset means every project. */
  projectIds?: number[];
}

/** A folder of dbt artifacts on the backend host, and who may use it. */
export interface LocalProjectConfig extends SourceReach {
  name: string;
  path: string;
}

export interface DbtErdConfig {
  accounts: DbtCloudAccountConfig[];
  localProjects: LocalProjectConfig[];
  defaults: Partial<ErdOptions>;
  cacheTtlMs: number;
  /** Limits of every dbt Cloud client. */
  client: {
    timeoutMs?: number;
    maxArtifactBytes?: number;
    rateLimitCoolDownMs?: number;
  };
  /** Memory budgets of each replica's ERD cache and build bounds (see readCacheLimits). */
  limits: CacheLimitsConfig;
  /** Schedule of the pre-build task; absent (the default) means off. */
  prebuildSchedule?: SchedulerServiceTaskScheduleDefinition;
  /** Things to log at start-up, e.g. a deprecated access URL. */
  warnings: string[];
}

const DEFAULT_CACHE_TTL: HumanDuration = { minutes: 30 };

/**
 * Reads and validates `dbtErd` from app-config. Every problem throws at
 * start-up with the config key in the message, so a misconfiguration never
 * surfaces later as a confusing request failure.
 */
export function readDbtErdConfig(root: Config): DbtErdConfig {
  assertKnownConfigKeys(root.getOptional('dbtErd'));
  const config = root.getOptionalConfig('dbtErd');
  const warnings: string[] = [];
  const accounts = (config?.getOptionalConfigArray('cloud.accounts') ?? []).map(
    (account, index) =>
      readAccount(account, `dbtErd.cloud.accounts[${index}]`, warnings),
  );
  assertUniqueNames(accounts, 'dbtErd.cloud.accounts');

  const localProjects = (
    config?.getOptionalConfigArray('localProjects') ?? []
  ).map((project, index) => ({
    name: readName(project, `dbtErd.localProjects[${index}]`),
    path: project.getString('path'),
    ...readSourceReach(project, `dbtErd.localProjects[${index}]`),
  }));
  assertUniqueNames(localProjects, 'dbtErd.localProjects');

  const defaults: Partial<ErdOptions> = {};
  const defaultsConfig = config?.getOptionalConfig('defaults');
  const algo = defaultsConfig?.getOptionalString('algo');
  if (algo) defaults.algo = algo;
  const resourceTypes = defaultsConfig?.getOptionalStringArray('resourceTypes');
  if (resourceTypes) defaults.resourceTypes = resourceTypes;
  const entityNameFormat =
    defaultsConfig?.getOptionalString('entityNameFormat');
  if (entityNameFormat) defaults.entityNameFormat = entityNameFormat;
  const entityGroup = defaultsConfig?.getOptionalString('entityGroup');
  if (entityGroup) defaults.entityGroup = entityGroup;

  const client: DbtErdConfig['client'] = {};
  if (config?.has('cloud.timeout')) {
    client.timeoutMs = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'cloud.timeout' }),
    );
  }
  if (config?.has('cloud.rateLimitCoolDown')) {
    client.rateLimitCoolDownMs = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'cloud.rateLimitCoolDown' }),
    );
  }
  const maxArtifactBytes = config?.getOptionalNumber('cloud.maxArtifactBytes');
  if (maxArtifactBytes !== undefined) {
    if (!Number.isSafeInteger(maxArtifactBytes) || maxArtifactBytes <= 0) {
      throw new Error(
        `dbtErd.cloud.maxArtifactBytes must be a positive whole number of bytes, got ${maxArtifactBytes}`,
      );
    }
    client.maxArtifactBytes = maxArtifactBytes;
  }

  const prebuildSchedule = config?.has('prebuild.schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('prebuild.schedule'),
      )
    : undefined;

  return {
    accounts,
    localProjects,
    defaults,
    client,
    prebuildSchedule,
    limits: readCacheLimits(config),
    warnings,
    cacheTtlMs: durationToMilliseconds(
      config?.has('cache.ttl')
        ? readDurationFromConfig(config, { key: 'cache.ttl' })
        : DEFAULT_CACHE_TTL,
    ),
  };
}

export interface CacheLimitsConfig {
  servedBytes: number;
  indexBytes: number;
  buildConcurrency: number;
  buildConcurrencyPerAccount: number;
}

/** `dbtErd.cache.servedBytes`, `.indexBytes` and `dbtErd.builds.*`, each a positive whole number. */
function readCacheLimits(config: Config | undefined): CacheLimitsConfig {
  const positive = (key: string, fallback: number) => {
    const value = config?.getOptionalNumber(key);
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(
        `dbtErd.${key} must be a positive whole number, got ${value}`,
      );
    }
    return value;
  };
  return {
    servedBytes: positive('cache.servedBytes', 256 * 1024 * 1024),
    indexBytes: positive('cache.indexBytes', 128 * 1024 * 1024),
    buildConcurrency: positive('builds.concurrency', 2),
    buildConcurrencyPerAccount: positive('builds.concurrencyPerAccount', 1),
  };
}

function readAccount(
  config: Config,
  key: string,
  warnings: string[],
): DbtCloudAccountConfig {
  const name = readName(config, key);
  const rawId = readRawAccountId(config, key);
  const accountId = Number(rawId);
  if (!/^\d+$/.test(rawId) || !Number.isSafeInteger(accountId)) {
    throw new Error(
      `${key}.accountId must be a numeric dbt Cloud account id, got "${rawId}"`,
    );
  }
  const rawToken = config.getOptional('token');
  const token = typeof rawToken === 'string' ? rawToken.trim() : '';
  if (!token) {
    throw new Error(
      `${key}.token is missing: set it to a dbt Cloud service token, e.g. token: \${DBT_CLOUD_SERVICE_TOKEN}`,
    );
  }
  const accessUrl = readUrl(config, 'accessUrl', key, warnings);
  if (!accessUrl) {
    throw new Error(
      `${key}.accessUrl is missing: there is no default any more; ${ACCESS_URL_HINT}`,
    );
  }
  const projectIds = readProjectIds(config, key);
  return {
    name,
    accountId,
    accessUrl,
    token,
    discoveryUrl: readUrl(config, 'discoveryUrl', key, warnings),
    ...(projectIds ? { projectIds } : {}),
    ...readSourceReach(config, key),
  };
}

function readRawAccountId(config: Config, key: string): string {
  const value = config.getOptional('accountId');
  if (value === undefined || value === null || value === '') {
    throw new Error(
      `${key}.accountId is missing: set the numeric dbt Cloud account id`,
    );
  }
  return String(value).trim();
}

function readName(config: Config, key: string): string {
  const name = config.getString('name').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) {
    throw new Error(
      `${key}.name "${name}" is invalid: use letters, digits, '-', '_' or '.'`,
    );
  }
  return name;
}

/** An https URL (http only on loopback); a deprecated region host is a warning. */
function readUrl(
  config: Config,
  field: string,
  key: string,
  warnings: string[],
): string | undefined {
  const value = config.getOptionalString(field)?.trim();
  if (!value) return undefined;
  const checked = checkDbtCloudUrl(value, `${key}.${field}`);
  if (checked.warning) warnings.push(checked.warning);
  return checked.href;
}

function assertUniqueNames(items: Array<{ name: string }>, key: string) {
  const seen = new Set<string>();
  for (const { name } of items) {
    if (seen.has(name)) {
      throw new Error(
        `${key} has two entries named "${name}": names must be unique`,
      );
    }
    seen.add(name);
  }
}
