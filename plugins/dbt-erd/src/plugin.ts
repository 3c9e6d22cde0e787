import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { dbtErdApiRef, DbtErdClient } from './api';
import { rootRouteRef } from './routes';

/**
 * The dbt-erd plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const dbtErdPlugin = createPlugin({
  id: 'dbt-erd',
  apis: [
    createApiFactory({
      api: dbtErdApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DbtErdClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The ERD tab, for `<EntityLayout.Route path="/dbt-erd" title="ERD" if={isDbtErdAvailable}>`.
 *
 * @public
 */
export const EntityDbtErdContent = dbtErdPlugin.provide(
  createRoutableExtension({
    name: 'EntityDbtErdContent',
    component: () =>
      import('./components/DbtErdContent').then(m => m.DbtErdContent),
    mountPoint: rootRouteRef,
  }),
);
