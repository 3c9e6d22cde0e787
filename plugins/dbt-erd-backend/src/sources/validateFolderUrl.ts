import { InputError } from '@backstage/errors';
import { DBT_ARTIFACTS_LOCATION_ANNOTATION } from 'backstage-plugin-dbt-erd-common';
import ipaddr from 'ipaddr.js';

/** Names that lead to the backend host itself or to a cloud metadata service. */
const INTERNAL_HOSTS = new Set([
  'localhost',
  'metadata.google.internal',
  'metadata',
]);

/**
 * Refuses artifact URLs that could reach the backend host's own network
 * (loopback, link-local and cloud metadata addresses, private, reserved and
 * benchmarking ranges, in any IPv4 or IPv6 spelling) or its files, before
 * anything is requested, and returns the folder URL with its host in one
 * canonical form. This is a first line only: names that resolve to internal
 * addresses are not caught here, so the app's integrations (which hosts may
 * be read at all) stay the real gate.
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
  // The artifacts are always <folder>/manifest.json and <folder>/catalog.json:
  // a query or fragment would let the annotation pick another file.
  if (value.includes('?') || value.includes('#')) {
    throw refuse(
      'a query (?) or fragment (#) is not allowed in the folder URL',
    );
  }
  // The URL parser has already lower-cased the host, decoded it, and read
  // IPv4 in any notation (0x7f.1, 2130706433); a trailing dot is the same host.
  const hostname = withoutTrailing(url.hostname, '.');
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (
    INTERNAL_HOSTS.has(host) ||
    host.endsWith('.localhost') ||
    host.endsWith('.metadata.google.internal')
  ) {
    throw refuse(`the host ${host} is not allowed`);
  }
  if (ipaddr.isValid(host) && !isPublicAddress(ipaddr.parse(host))) {
    throw refuse(`the address ${host} is internal and not allowed`);
  }
  url.hostname = hostname;
  return withoutTrailing(url.toString(), '/');
}

/**
 * `text` without its trailing run of `char`. Not `replace(/\/+$/, '')`: a
 * backtracking engine retries that from every character of a long run that
 * is not at the end, so `https://h/` + 30 000 slashes + `x` took seconds.
 */
function withoutTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

/** The prefix every routable IPv6 unicast address is allocated from (RFC 4291). */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Public unicast only: ipaddr.js names every special range (loopback,
 * private, link-local, carrier-grade NAT, 198.18.0.0/15 benchmarking,
 * reserved, multicast, IPv4-mapped, NAT64 64:ff9b::/96, site-local
 * fec0::/10, unique-local, 6to4, Teredo...), and anything outside 2000::/3,
 * such as the IPv4-compatible ::7f00:1, is not routable on the internet.
 */
function isPublicAddress(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.range() !== 'unicast') return false;
  return address.kind() === 'ipv4' || address.match(GLOBAL_UNICAST_V6);
}
