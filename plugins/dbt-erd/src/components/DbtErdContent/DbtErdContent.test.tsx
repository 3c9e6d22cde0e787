import { ResponseError } from '@backstage/errors';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { useLocation } from 'react-router-dom';
import { DbtErdApi, dbtErdApiRef, EntityErd } from '../../api';
import { useErdPipeline } from '../../hooks/useErdPipeline';
import { DbtErdContent } from './DbtErdContent';
import { shopErd, syntheticErd } from '../../__testUtils__/erdFixtures';
import {
  LOCAL_DEMO,
  renderErdTab,
  shopEntity,
} from '../../__testUtils__/renderErdTab';

// Counted: how often the tab's view renders (see "renders nothing again").
jest.mock('../../hooks/useErdPipeline', () => {
  const actual = jest.requireActual('../../hooks/useErdPipeline');
  return { ...actual, useErdPipeline: jest.fn(actual.useErdPipeline) };
});

const annotated = LOCAL_DEMO;
const id = (name: string) => `model.shop.${name}`;

function renderTab(
  api: Partial<DbtErdApi>,
  annotations: Record<string, string> = annotated,
  url = '/',
) {
  return renderErdTab(api, {
    entity: shopEntity(annotations),
    routeEntries: [url],
  });
}

/** The table ids drawn as nodes, once the layout has settled. */
async function drawnTables(expected?: number): Promise<string[]> {
  let ids: string[] = [];
  await waitFor(() => {
    ids = screen
      .queryAllByTestId('erd-node')
      .map(n => n.getAttribute('data-table-id')!);
    expect(ids.length).toBeGreaterThan(0);
    if (expected !== undefined) expect(ids).toHaveLength(expected);
  });
  return ids.sort();
}

const node = (tableId: string) =>
  screen
    .getAllByTestId('erd-node')
    .find(n => n.getAttribute('data-table-id') === tableId)!;

// Whole-tab tests with typing take several seconds on a busy 2-core machine.
jest.setTimeout(30_000);

describe('DbtErdContent', () => {
  it('draws the tables, their columns and where the ERD came from', async () => {
    const erd: EntityErd = {
      ...shopErd(),
      warnings: ['catalog.json missing: column types are unknown'],
    };
    const getEntityErd = jest.fn().mockResolvedValue(erd);
    await renderTab({ getEntityErd });

    expect(await screen.findByTestId('erd-summary')).toHaveTextContent(
      '6 tables, 4 relationships from dbt Cloud main, job 42, run 1001',
    );
    expect(getEntityErd).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'shop',
    });
    expect(
      screen.getByRole('link', { name: /View run in dbt Cloud/ }),
    ).toHaveAttribute(
      'href',
      'https://cloud.getdbt.com/deploy/1/projects/2/runs/1001',
    );
    expect(screen.getByRole('note')).toHaveTextContent('catalog.json missing');

    expect(await drawnTables(6)).toContain(id('orders'));
    const orders = within(node(id('orders')));
    // the short name on the node; the dbterd name and the id in its tooltip
    expect(orders.getByTestId('erd-node-title')).toHaveTextContent(/^orders$/);
    expect(orders.getByTitle(/model\.shop\.orders/)).toBeInTheDocument();
    expect(orders.getByText('customer_id')).toBeInTheDocument();
    expect(orders.getByText('PK')).toBeInTheDocument();
    expect(orders.getByText('FK')).toBeInTheDocument();
    expect(orders.getByText('timestamp')).toBeInTheDocument();
    expect(screen.getAllByTestId('erd-group')).toHaveLength(2);
  });

  it('switches to the table view for screen readers', async () => {
    await renderTab({ getEntityErd: jest.fn().mockResolvedValue(shopErd()) });
    await drawnTables(6);
    await userEvent.click(screen.getByRole('button', { name: 'Table view' }));

    const tables = await screen.findByRole('table', { name: 'Tables' });
    expect(
      within(tables).getByText('model.shop.customers'),
    ).toBeInTheDocument();
    const relationships = screen.getByRole('table', { name: 'Relationships' });
    expect(
      within(relationships).getByText('model.shop.orders.customer_id'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('erd-node')).not.toBeInTheDocument();
  });

  it('search picks a table with the keyboard and highlights it', async () => {
    await renderTab({ getEntityErd: jest.fn().mockResolvedValue(shopErd()) });
    await drawnTables(6);

    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const search = screen.getByTestId('erd-search');
    expect(search).toHaveFocus();
    await userEvent.type(search, 'payme');
    const listbox = await screen.findByRole('listbox', {
      name: 'Search results',
    });
    expect(within(listbox).getAllByRole('option')[0]).toHaveTextContent(
      /^paymentsmodel\.shop\.payments/,
    );
    await userEvent.keyboard('{Enter}');

    await waitFor(() =>
      expect(node(id('payments'))).toHaveAttribute('data-highlighted', 'true'),
    );
    expect(node(id('orders'))).not.toHaveAttribute('data-highlighted');
  });

  it("asks for a table's details when the pointer goes down on it, once, before the click", async () => {
    const getTableDetails = jest.fn(() => new Promise<never>(() => {}));
    await renderTab({
      getEntityErd: jest.fn().mockResolvedValue(shopErd()),
      getTableDetails,
    });
    await drawnTables(6);
    const title = within(node(id('customers'))).getByText('customers');
    // The focus UI's style sheets are kept from when the pointer enters the canvas.
    expect(screen.queryByTestId('erd-focus-styles')).not.toBeInTheDocument();
    fireEvent.pointerEnter(title);
    expect(screen.getByTestId('erd-focus-styles')).toBeInTheDocument();

    fireEvent.pointerDown(title);
    // Before the click's render: the request travels while the focus draws.
    expect(getTableDetails).toHaveBeenCalledTimes(1);
    expect(getTableDetails).toHaveBeenCalledWith(
      expect.objectContaining({ name: expect.any(String) }),
      id('customers'),
      expect.anything(),
    );
    fireEvent.click(title);
    await drawnTables(2);
    expect(getTableDetails).toHaveBeenCalledTimes(1);
  });

  it('focuses a clicked table: neighbours only, details drawer, breadcrumb back', async () => {
    await renderTab({ getEntityErd: jest.fn().mockResolvedValue(shopErd()) });
    await drawnTables(6);

    // fireEvent: d3-drag's mousedown handler needs event.view, which user-event leaves null in jsdom
    fireEvent.click(within(node(id('customers'))).getByText('customers'));
    expect(await drawnTables(2)).toEqual([id('customers'), id('orders')]);

    const drawer = screen.getByTestId('erd-drawer');
    expect(
      within(drawer).getByRole('heading', { name: 'customers' }),
    ).toBeInTheDocument();
    expect(
      within(drawer).getByText('One row per customer'),
    ).toBeInTheDocument();
    const columns = within(drawer).getByRole('table', {
      name: 'Columns of model.shop.customers',
    });
    expect(within(columns).getByText('customer_id')).toBeInTheDocument();
    expect(within(columns).getByText('name')).toBeInTheDocument();
    expect(within(drawer).getByText(/\(many to one\)/)).toBeInTheDocument();

    // 2 hops reach order_items and payments, not products or the staging table
    await userEvent.click(screen.getByRole('button', { name: /^Neighbours/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: '2 hops' }),
    );
    expect(await drawnTables(4)).toEqual(
      [id('customers'), id('order_items'), id('orders'), id('payments')].sort(),
    );

    // a relationship link in the drawer focuses the other table
    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Focus orders' }),
    );
    await waitFor(() =>
      expect(
        within(screen.getByTestId('erd-drawer')).getByRole('heading', {
          level: 2,
        }),
      ).toHaveTextContent(/^orders$/),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Show whole diagram' }),
    );
    expect(await drawnTables(6)).toHaveLength(6);
  });

  it('renders nothing of the tab again when a focus reaches the URL', async () => {
    const searches: string[] = [];
    const LocationProbe = () => {
      searches.push(useLocation().search);
      return null;
    };
    const getEntityErd = jest.fn().mockResolvedValue(shopErd());
    await renderInTestApp(
      <TestApiProvider apis={[[dbtErdApiRef, { getEntityErd }]]}>
        <EntityProvider entity={shopEntity(annotated)}>
          <DbtErdContent />
          <LocationProbe />
        </EntityProvider>
      </TestApiProvider>,
    );
    await drawnTables(6);
    fireEvent.click(within(node(id('customers'))).getByText('customers'));
    expect(await drawnTables(2)).toEqual([id('customers'), id('orders')]);
    // The tab shows the focus at once; the URL follows a moment later.
    expect(searches.at(-1)).not.toContain('focus=');
    const renders = jest.mocked(useErdPipeline).mock.calls.length;
    await waitFor(() => expect(searches.at(-1)).toContain('focus='), {
      timeout: 5_000,
    });
    expect(jest.mocked(useErdPipeline).mock.calls.length).toBe(renders);
  });

  it('shows the join path the drawer finds in the diagram, or both components when there is none', async () => {
    await renderTab(
      { getEntityErd: jest.fn().mockResolvedValue(shopErd()) },
      annotated,
      `/?drawer=${id('customers')}`,
    );
    await drawnTables(6);
    const drawer = screen.getByTestId('erd-drawer');
    const pickTarget = (term: string, name: string) => {
      fireEvent.change(within(drawer).getByLabelText('Join path to table'), {
        target: { value: term },
      });
      fireEvent.click(within(drawer).getByRole('button', { name }));
    };
    pickTarget('prod', id('products'));
    expect(await drawnTables(4)).toEqual(
      [id('customers'), id('order_items'), id('orders'), id('products')].sort(),
    );
    expect(screen.getByTestId('erd-join-path-status')).toHaveTextContent(
      'Join path from customers to products: 4 tables, 3 relationships',
    );
    await waitFor(() =>
      expect(
        document.querySelectorAll(
          '[data-testid="erd-diagram"] .erd-table-focused',
        ),
      ).toHaveLength(4),
    );

    pickTarget('stg', id('stg_events'));
    expect(await drawnTables(6)).toHaveLength(6);
    expect(screen.getByTestId('erd-join-path-status')).toHaveTextContent(
      /No chain of relationships joins customers and stg_events/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Leave join path' }));
    await waitFor(() =>
      expect(
        screen.queryByTestId('erd-join-path-status'),
      ).not.toBeInTheDocument(),
    );
  });

  it('reproduces the view from the URL', async () => {
    await renderTab(
      { getEntityErd: jest.fn().mockResolvedValue(shopErd()) },
      annotated,
      `/?focus=${id('products')}&show=names`,
    );
    expect(await drawnTables(2)).toEqual([id('order_items'), id('products')]);
    expect(
      within(node(id('order_items'))).queryByText('order_id'),
    ).not.toBeInTheDocument();
  });

  it('sends filters to the backend', async () => {
    const getEntityErd = jest.fn().mockResolvedValue(shopErd());
    await renderTab({ getEntityErd });
    await drawnTables(6);
    await userEvent.click(screen.getByRole('button', { name: /Filters/ }));
    await userEvent.type(screen.getByLabelText('Select'), 'schema:marts');
    await userEvent.click(screen.getByRole('checkbox', { name: 'model' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply filters' }),
    );
    await waitFor(() =>
      expect(getEntityErd).toHaveBeenLastCalledWith(expect.anything(), {
        select: ['schema:marts'],
        resourceTypes: ['model'],
      }),
    );
  });

  it('shows a refused filter under the filter box, which stays to fix it', async () => {
    const message =
      'select rule "colour:red": unsupported selection type "colour" (in "colour:red"); use a name';
    const refused = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message },
          request: { method: 'GET', url: '/erd' },
          response: { statusCode: 400 },
        }),
        {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    const getEntityErd = jest
      .fn()
      .mockImplementation((_ref, query?: { select?: string[] }) =>
        query?.select?.includes('colour:red')
          ? Promise.reject(refused)
          : Promise.resolve(shopErd()),
      );
    await renderTab({ getEntityErd });
    await drawnTables(6);
    await userEvent.click(screen.getByRole('button', { name: /Filters/ }));
    await userEvent.type(screen.getByLabelText('Select'), 'colour:red');
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply filters' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    await userEvent.clear(screen.getByLabelText('Select'));
    await userEvent.type(screen.getByLabelText('Select'), '+fct_orders');
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply filters' }),
    );
    await waitFor(() =>
      expect(getEntityErd).toHaveBeenLastCalledWith(expect.anything(), {
        select: ['+fct_orders'],
      }),
    );
    await drawnTables(6);
  });

  it('offers every export format and downloads from the backend', async () => {
    const downloadExport = jest.fn().mockResolvedValue(undefined);
    await renderTab({
      getEntityErd: jest.fn().mockResolvedValue(shopErd()),
      downloadExport,
    });
    await drawnTables(6);
    await userEvent.click(screen.getByTestId('erd-export-menu'));
    for (const label of [
      'SVG',
      'PNG',
      'DBML',
      'Mermaid',
      'PlantUML',
      'D2',
      'GraphViz',
      'DrawDB',
      'JSON',
    ]) {
      expect(
        screen.getByRole('menuitem', { name: `Download ${label}` }),
      ).toBeInTheDocument();
    }
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Download DBML' }),
    );
    expect(downloadExport).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'shop' },
      'dbml',
      {},
    );
  });

  it('refreshes, then reloads the ERD', async () => {
    const getEntityErd = jest.fn().mockResolvedValue(shopErd());
    const refresh = jest.fn().mockResolvedValue(undefined);
    await renderTab({ getEntityErd, refresh });
    await drawnTables(6);
    await userEvent.click(
      screen.getByRole('button', { name: 'Refresh ERD from dbt' }),
    );
    await waitFor(() => expect(getEntityErd).toHaveBeenCalledTimes(2));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('opens large projects on a names-only overview without relationship lines', async () => {
    await renderTab({
      getEntityErd: jest.fn().mockResolvedValue(syntheticErd(400)),
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'showing an overview by schema',
    );
    // fitting 400 tables would make names unreadable: it opens on a readable part, names only
    await waitFor(() =>
      expect(screen.getAllByTestId('erd-node-title').length).toBeGreaterThan(8),
    );
    expect(
      document.querySelector('.react-flow__viewport')!.getAttribute('style'),
    ).toMatch(/scale\(0\.7\)/);
    expect(screen.getAllByTestId('erd-node').length).toBeLessThan(400);
    // the whole project, zoomed out: the schema map (group areas) stands in for the tables
    await userEvent.click(
      screen.getByRole('button', { name: 'Whole project (400 tables)' }),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('erd-group')).toHaveLength(8),
    );
    expect(screen.queryAllByTestId('erd-node')).toHaveLength(0);
    expect(screen.getByRole('button', { name: /^Show/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    // searching centres on a table, which brings the table names in
    await userEvent.type(screen.getByTestId('erd-search'), 't123');
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getAllByTestId('erd-node').length).toBeGreaterThan(0),
    );
    expect(document.querySelectorAll('.react-flow__edge')).toHaveLength(0);
  });

  it('names the annotations when the entity has none', async () => {
    const getEntityErd = jest.fn();
    await renderTab({ getEntityErd }, {});
    expect(
      screen.getAllByText(/getdbt.com\/cloud-job-id/).length,
    ).toBeGreaterThan(0);
    expect(getEntityErd).not.toHaveBeenCalled();
  });

  it("shows the backend's message and retries", async () => {
    const getEntityErd = jest
      .fn()
      .mockRejectedValueOnce(
        new Error('dbt Cloud rejected the token for account main (401)'),
      )
      .mockResolvedValueOnce(shopErd());
    await renderTab({ getEntityErd }, { 'getdbt.com/cloud-job-id': '42' });

    expect(
      (
        await screen.findAllByText(
          /dbt Cloud rejected the token for account main/,
        )
      ).length,
    ).toBeGreaterThan(0);
    act(() => screen.getByRole('button', { name: 'Retry' }).click());
    expect(await screen.findByTestId('erd-summary')).toHaveTextContent(
      '6 tables',
    );
  });
});
