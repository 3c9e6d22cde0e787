import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';

/** How `dbt-table` results (from backstage-plugin-search-backend-module-dbt-erd) show on the search page. @alpha */
export const dbtTableSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: result => result.type === 'dbt-table',
    component: () =>
      import('../components/DbtTableSearchResultListItem').then(
        m => m.DbtTableSearchResultListItem,
      ),
  },
});
