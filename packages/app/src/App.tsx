import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import dbtErdPlugin from 'backstage-plugin-dbt-erd/alpha';
import { benchPlugin } from './bench/benchPlugin';

/**
 * The dev app, on the new frontend system: the catalog, search (with the
 * dbt-erd `dbt-table` results) and the dbt ERD tab.
 * Sign-in is the default guest page (development only). `benchPlugin` adds
 * the browser bench's peer page (/bench/dependency-graph).
 */
export default createApp({
  features: [catalogPlugin, searchPlugin, dbtErdPlugin, benchPlugin],
});
