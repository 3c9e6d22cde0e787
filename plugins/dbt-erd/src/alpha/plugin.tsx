import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { dbtErdApi, dbtErdEntityContent } from './extensions';
import { dbtTableSearchResultListItem } from './searchResultListItem';

/**
 * The dbt-erd plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'dbt-erd',
  extensions: [dbtErdApi, dbtErdEntityContent, dbtTableSearchResultListItem],
});
