/**
 * The dbt-erd frontend plugin: an ERD tab for catalog entities linked to a
 * dbt project. New-frontend-system apps import `backstage-plugin-dbt-erd/alpha`.
 *
 * @packageDocumentation
 */
export { dbtErdPlugin, EntityDbtErdContent } from './plugin';
export { isDbtErdAvailable } from 'backstage-plugin-dbt-erd-common';
export * from './api';
export {
  DbtTableSearchResultListItem,
  type DbtTableSearchResultListItemProps,
} from './components/DbtTableSearchResultListItem';
