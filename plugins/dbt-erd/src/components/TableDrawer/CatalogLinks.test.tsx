import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CatalogLinks } from './CatalogLinks';

const render = (details: Parameters<typeof CatalogLinks>[0]['details']) =>
  renderInTestApp(
    <dl>
      <CatalogLinks details={details} />
    </dl>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('CatalogLinks', () => {
  it("links the table's owners and the entities its exposures name to their catalog pages", async () => {
    await render({
      packageName: 'shop',
      relationName: null,
      exposures: ['weekly_revenue_dashboard'],
      exposureEntities: [
        {
          entityRef: 'system:default/analytics',
          via: 'weekly_revenue_dashboard',
        },
      ],
      owners: [{ entityRef: 'group:default/data-platform', via: 'meta.owner' }],
    });
    expect(screen.getByText('Owner')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /data-platform/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/data-platform',
    );
    expect(screen.getByRole('link', { name: /analytics/ })).toHaveAttribute(
      'href',
      '/catalog/default/system/analytics',
    );
    expect(screen.getByText('(weekly_revenue_dashboard)')).toBeInTheDocument();
  });

  it('shows nothing without links', async () => {
    await render({ packageName: 'shop', relationName: null, exposures: [] });
    expect(screen.queryByText('Owner')).not.toBeInTheDocument();
    expect(screen.queryByText('Used by')).not.toBeInTheDocument();
  });
});
