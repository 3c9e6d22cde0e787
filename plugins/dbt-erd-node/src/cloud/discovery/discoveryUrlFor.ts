import { isIP } from 'node:net';
import { isLegacyRegionHost, isLoopbackHost } from '../dbtCloudUrl';

/**
 * The Discovery API endpoint for an access URL, following dbt Cloud's
 * documented hosts (docs.getdbt.com, "Access, Regions & IP addresses"):
 * - every account-specific `*.dbt.com` host, cell-based (`ab123.us1.dbt.com`)
 *   or new single-tenant (`ab123.acme.dbt.com`, a routing subdomain without
 *   digits), becomes `{prefix}.metadata.{rest}`;
 * - the legacy region hosts (`cloud.getdbt.com`, `emea.dbt.com`,
 *   `au.dbt.com`, single-tenant `*.getdbt.com`) get a `metadata.` prefix;
 * - a loopback or IP address (a local fake, a proxy) serves /graphql itself.
 * Any other host gets `metadata.` too; configure `discoveryUrl` where that
 * does not fit.
 */
export function discoveryUrlFor(accessUrl: string): string {
  const url = new URL(accessUrl);
  const hostname = url.hostname.toLowerCase();
  let host: string;
  if (isLoopbackHost(hostname) || isIP(hostname.replace(/^\[|\]$/g, ''))) {
    host = hostname;
  } else if (!isLegacyRegionHost(hostname) && /\.dbt\.com$/.test(hostname)) {
    const [prefix, ...rest] = hostname.split('.');
    host = rest.length >= 3 ? `${prefix}.metadata.${rest.join('.')}` : hostname;
  } else {
    host = `metadata.${hostname}`;
  }
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}/graphql`;
}

/** A configured Discovery URL, with `/graphql` appended when it was pasted without. */
export function withGraphqlPath(discoveryUrl: string): string {
  const url = new URL(discoveryUrl);
  if (!/\/graphql\/?$/.test(url.pathname)) {
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/graphql`;
  }
  return url.href.replace(/\/+$/, '');
}
