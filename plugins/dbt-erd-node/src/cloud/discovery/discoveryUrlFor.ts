/**
 * The Discovery API endpoint for an access URL, following dbt Cloud's
 * documented hosts: cell-based `{prefix}.{region}.dbt.com` becomes
 * `{prefix}.metadata.{region}.dbt.com`; every other host (cloud.getdbt.com,
 * emea.dbt.com, single-tenant) gets a `metadata.` prefix. Configure
 * `discoveryUrl` explicitly where neither rule fits.
 */
export function discoveryUrlFor(accessUrl: string): string {
  const url = new URL(accessUrl);
  const cell = /^([^.]+)\.([a-z]+\d+)\.dbt\.com$/i.exec(url.hostname);
  const host = cell
    ? `${cell[1]}.metadata.${cell[2]}.dbt.com`
    : `metadata.${url.hostname}`;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}/graphql`;
}
