import { InputError } from '@backstage/errors';
import { isIP } from 'node:net';
import { DBT_ARTIFACTS_LOCATION_ANNOTATION } from 'backstage-plugin-dbt-erd-common';

/**
 * Refuses artifact URLs that could reach the backend host's own network
 * (loopback, link-local and cloud metadata addresses, private ranges) or
 * its files, before anything is requested. The app's integrations still
 * decide which remaining hosts may be read.
 */
export function validateFolderUrl(value: string): string {
  const refuse = (why: string) =>
    new InputError(
      `${DBT_ARTIFACTS_LOCATION_ANNOTATION}: ${why}; use url:https://<host>/<path to the dbt target folder>`,
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse(`"${value.slice(0, 80)}" is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse(`the ${url.protocol} scheme is not allowed`);
  }
  if (url.username || url.password) {
    throw refuse('credentials in the URL are not allowed');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === 'metadata.google.internal'
  ) {
    throw refuse(`the host ${host} is not allowed`);
  }
  if (isIP(host) && isInternalAddress(host)) {
    throw refuse(`the address ${host} is internal and not allowed`);
  }
  return url.toString().replace(/\/+$/, '');
}

function isInternalAddress(ip: string): boolean {
  if (ip.includes(':')) {
    return (
      ip === '::' ||
      ip === '::1' ||
      /^f[cd]/.test(ip) ||
      /^fe[89ab]/.test(ip) ||
      ip.startsWith('::ffff:')
    );
  }
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}
