import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { DbtTableSearchResultListItem } from './DbtTableSearchResultListItem';

const result = {
  title: 'dim_products',
  text: 'One row per product\nroast_level: Light, medium or dark',
  location:
    '/catalog/default/component/acme-analytics-dbt/dbt-erd?focus=model.acme_analytics.dim_products',
  entityRef: 'component:default/acme-analytics-dbt',
  entityTitle: 'Acme analytics',
  schema: 'marts',
  columns: ['product_id', 'roast_level'],
};

describe('DbtTableSearchResultListItem', () => {
  it('shows the table linked to the focused ERD tab, its project, schema and the matched column', async () => {
    await renderInTestApp(
      <DbtTableSearchResultListItem result={result} term="roast_level" />,
    );
    expect(screen.getByRole('link', { name: 'dim_products' })).toHaveAttribute(
      'href',
      result.location,
    );
    expect(screen.getByText('dbt project: Acme analytics')).toBeInTheDocument();
    expect(screen.getByText('schema: marts')).toBeInTheDocument();
    expect(screen.getByText('column: roast_level')).toBeInTheDocument();
    expect(screen.queryByText('column: product_id')).not.toBeInTheDocument();
  });

  it('names the project by its entity when it has no title', async () => {
    const untitled = { ...result, entityTitle: '' };
    await renderInTestApp(<DbtTableSearchResultListItem result={untitled} />);
    expect(
      screen.getByText('dbt project: acme-analytics-dbt'),
    ).toBeInTheDocument();
  });
});
