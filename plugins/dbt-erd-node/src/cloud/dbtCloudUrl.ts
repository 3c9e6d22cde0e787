import { InputError } from '@backstage/errors';
import { isIP } from 'node:net';

/** Where a person finds the URL this plugin needs, for every message about it. */
export const ACCESS_URL_HINT =
  "use the account's own access URL from dbt Cloud's Account settings → Access URLs (e.g. https://ab123.us1.dbt.com)";

/** The shared multi-tenant region hosts that account-specific access URLs replaced. */
const LEGACY_REGION_HOSTS = new Set([
  'cloud.getdbt.com',
  'emea.dbt.com',
  'au.dbt.com',
]);

/** A checked dbt Cloud URL, and what a person should hear about it. */
export interface CheckedDbtCloudUrl {
  /** The URL without a trailing slash. */
  href: string;
  /** Set for a deprecated region host: it works for now, but not for long. */
  warning?: string;
}

/**
 * Checks an access URL or Discovery URL before any token is sent to it:
 * https only (http on a loopback address, for local fakes and proxies), no
 * credentials, and a warning for the getdbt.com-era region hosts. `label`
 * names the setting in messages, e.g. `dbtErd.cloud.accounts[0].accessUrl`.
 */
export function checkDbtCloudUrl(
  value: string,
  label: string,
): CheckedDbtCloudUrl {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InputError(
      `${label} "${value.slice(0, 80)}" is not a valid URL; ${ACCESS_URL_HINT}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      `${label} must be an http(s) URL (https, or http on a loopback address), got "${value.slice(
        0,
        80,
      )}"`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(
      `${label} "${url.origin}" uses http: the service token would travel in clear text; use https (http is accepted only on loopback addresses)`,
    );
  }
  if (url.username || url.password) {
    throw new InputError(`${label} must not carry credentials`);
  }
  const href = url.href.replace(/\/+$/, '');
  return isLegacyRegionHost(url.hostname)
    ? {
        href,
        warning: `${label} ${url.hostname} is a deprecated dbt Cloud region URL: multi-tenant accounts moved to account-specific access URLs in January 2026, and getdbt.com region URLs stop supporting API integrations on 1 November 2026; ${ACCESS_URL_HINT}`,
      }
    : { href };
}

/** cloud.getdbt.com, emea.dbt.com, au.dbt.com and the single-tenant `*.getdbt.com` hosts. */
export function isLegacyRegionHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return LEGACY_REGION_HOSTS.has(host) || host.endsWith('.getdbt.com');
}

/** localhost and 127.0.0.0/8 / ::1: the only hosts a token may reach over http. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
