export { DbtTableSearchResultListItem } from './DbtTableSearchResultListItem';
export type { DbtTableSearchResultListItemProps } from './DbtTableSearchResultListItem';
