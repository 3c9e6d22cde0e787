import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import { EntityErd } from '../../api';
import {
  shopErdWithExposure,
  syntheticErd,
} from '../../__testUtils__/erdFixtures';
import { renderErdTab } from '../../__testUtils__/renderErdTab';

const id = (name: string) => `model.shop.${name}`;

function renderTab(erd: EntityErd, url = '/') {
  return renderErdTab(
    { getEntityErd: jest.fn().mockResolvedValue(erd) },
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The table ids drawn, once the layout has settled on `expected` tables. */
async function drawnTables(expected: number): Promise<string[]> {
  let ids: string[] = [];
  await waitFor(() => {
    ids = screen
      .queryAllByTestId('erd-node')
      .map(n => n.getAttribute('data-table-id')!);
    expect(ids).toHaveLength(expected);
  });
  return ids.sort();
}

jest.setTimeout(30_000);

describe('exposure nodes', () => {
  it('draws an exposure that names an entity, linked to its catalog page, with dashed lines to its tables', async () => {
    await renderTab(shopErdWithExposure());
    await drawnTables(6);

    const exposure = screen.getByTestId('erd-exposure-node');
    expect(exposure).toHaveTextContent('weekly_revenue_dashboard');
    expect(within(exposure).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/system/analytics',
    );
    // an exposure is not a table: the counts stay those of the tables
    expect(screen.getByTestId('erd-diagram')).toHaveAttribute(
      'data-table-count',
      '6',
    );
    await waitFor(() =>
      expect(
        document.querySelectorAll('.react-flow__edge.erd-exposure-edge'),
      ).toHaveLength(2),
    );
    const ends = [
      ...document.querySelectorAll('.react-flow__edge.erd-exposure-edge'),
    ].map(e => e.getAttribute('data-testid'));
    expect(ends.sort()).toEqual([
      `rf__edge-exposure:weekly_revenue_dashboard\u0000${id('customers')}`,
      `rf__edge-exposure:weekly_revenue_dashboard\u0000${id('orders')}`,
    ]);
  });

  it('follows its tables: shown when one of them is visible, not otherwise', async () => {
    const view = await renderTab(
      shopErdWithExposure(),
      `/?focus=${id('products')}`,
    );
    expect(await drawnTables(2)).toEqual([id('order_items'), id('products')]);
    expect(screen.queryByTestId('erd-exposure-node')).not.toBeInTheDocument();
    view.unmount();

    await renderTab(shopErdWithExposure(), `/?focus=${id('payments')}`);
    expect(await drawnTables(2)).toEqual([id('orders'), id('payments')]);
    expect(screen.getByTestId('erd-exposure-node')).toBeInTheDocument();
    // only the line to the visible table
    await waitFor(() =>
      expect(
        document.querySelectorAll('.react-flow__edge.erd-exposure-edge'),
      ).toHaveLength(1),
    );
  });

  it('is not drawn in the large-project overview', async () => {
    const erd = syntheticErd(400);
    const link = { entityRef: 'system:default/analytics', via: 'big_board' };
    erd.extras = {
      nodeDetails: Object.fromEntries(
        erd.nodes.map(node => [
          node.id,
          {
            packageName: 'shop',
            relationName: null,
            exposures: [link.via],
            exposureEntities: [link],
          },
        ]),
      ),
    };
    await renderTab(erd);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'showing an overview by schema',
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('erd-node').length).toBeGreaterThan(8),
    );
    expect(screen.queryByTestId('erd-exposure-node')).not.toBeInTheDocument();
  });
});
