import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDbtErdAvailable } from 'backstage-plugin-dbt-erd-common';
import { dbtErdApiRef, DbtErdClient } from '../api';

/** @alpha */
export const dbtErdApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dbtErdApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DbtErdClient(deps),
    }),
});

/** The ERD tab on entity pages, shown only for entities with a dbt annotation. @alpha */
export const dbtErdEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'dbt-erd',
    title: 'ERD',
    filter: isDbtErdAvailable,
    loader: () =>
      import('../components/DbtErdContent').then(m => <m.DbtErdContent />),
  },
});
