import { createExtensionTester } from '@backstage/frontend-test-utils';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import dbtErdPlugin from './plugin';
import { dbtTableSearchResultListItem } from './searchResultListItem';

const result = (type: string) => ({
  type,
  document: { title: 'dim_products', text: 'roast_level', location: '/x' },
});

describe('dbtTableSearchResultListItem', () => {
  it('renders dbt-table results only, and is part of the plugin', () => {
    const tester = createExtensionTester(dbtTableSearchResultListItem);
    const item = tester.get(SearchResultListItemBlueprint.dataRefs.item);
    expect(item.predicate?.(result('dbt-table'))).toBe(true);
    expect(item.predicate?.(result('software-catalog'))).toBe(false);
    expect(item.component).toEqual(expect.any(Function));
    expect(
      dbtErdPlugin.getExtension('search-result-list-item:dbt-erd'),
    ).toBeDefined();
  });
});
