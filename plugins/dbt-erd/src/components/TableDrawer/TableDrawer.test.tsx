import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodeTabErd, encodeTabErd } from 'backstage-plugin-dbt-erd-common';
import { DbtErdApi, dbtErdApiRef, EntityErdTable } from '../../api';
import {
  column,
  relationship,
  shopErd,
  syntheticErd,
  table,
} from '../../__testUtils__/erdFixtures';
import { buildErdModel } from '../../graph/erdModel';
import { RELATIONSHIPS_SHOWN, TableDrawer } from './TableDrawer';
import {
  TableDetailsLoader,
  useTableDetailsLoader,
} from './tableDetailsLoader';

const entityRef = { kind: 'component', namespace: 'default', name: 'shop' };
const full = shopErd();
// What the tab holds: the ERD through its compact payload, descriptions null.
const tab = decodeTabErd(JSON.parse(JSON.stringify(encodeTabErd(full))));
const details = (tableId: string): EntityErdTable => ({
  table: full.nodes.find(n => n.id === tableId)!,
  details: {
    packageName: 'shop',
    relationName: `"db"."main"."${tableId.split('.').pop()}"`,
    exposures: ['weekly_report'],
  },
  keys: [],
});

const query = { select: ['schema:main'] };
const model = buildErdModel(tab);

const DrawerWithLoader = ({ tableId }: { tableId: string }) => (
  <TableDrawer
    details={useTableDetailsLoader(entityRef, query, tab)}
    model={model}
    tableId={tableId}
    source={tab.source}
    onClose={() => {}}
    onFocusTable={() => {}}
  />
);

function renderDrawer(api: Partial<DbtErdApi>, tableId: string) {
  return renderInTestApp(
    <TestApiProvider apis={[[dbtErdApiRef, api]]}>
      <DrawerWithLoader tableId={tableId} />
    </TestApiProvider>,
  );
}

describe('TableDrawer details', () => {
  it('moves focus to the table name when it opens, in the frame after', async () => {
    const getTableDetails = jest.fn(
      () => new Promise<EntityErdTable>(() => {}),
    );
    await renderDrawer({ getTableDetails }, 'model.shop.customers');
    const title = screen.getByRole('heading', { level: 2 });
    await waitFor(() => expect(title).toHaveFocus());
  });

  it('shows loading, then the description, column descriptions and relation from the table route', async () => {
    let resolve: (value: EntityErdTable) => void = () => {};
    const getTableDetails = jest.fn(
      () => new Promise<EntityErdTable>(r => (resolve = r)),
    );
    await renderDrawer({ getTableDetails }, 'model.shop.customers');
    expect(screen.getByTestId('erd-drawer')).toBeInTheDocument();
    expect(screen.getByTestId('erd-drawer-details-loading')).toHaveTextContent(
      'Loading description…',
    );
    expect(getTableDetails).toHaveBeenCalledWith(
      entityRef,
      'model.shop.customers',
      {
        select: ['schema:main'],
      },
    );
    resolve(details('model.shop.customers'));
    expect(
      await screen.findByTestId('erd-drawer-description'),
    ).toHaveTextContent('One row per customer');
    expect(screen.getByText('"db"."main"."customers"')).toBeInTheDocument();
    expect(screen.getByText('weekly_report')).toBeInTheDocument();
  });

  it('shows column descriptions once fetched', async () => {
    const getTableDetails = jest.fn(async (_e: unknown, id: string) =>
      details(id),
    );
    await renderDrawer(
      { getTableDetails: getTableDetails as DbtErdApi['getTableDetails'] },
      'model.shop.orders',
    );
    expect(
      await screen.findByText('When the order was placed'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('erd-drawer-description')).toHaveTextContent(
      'No description in dbt.',
    );
  });

  it('shows the error with a retry instead of a blank drawer, and retries', async () => {
    const getTableDetails = jest
      .fn()
      .mockRejectedValueOnce(new Error('backend is down'))
      .mockResolvedValueOnce(details('model.shop.customers'));
    await renderDrawer({ getTableDetails }, 'model.shop.customers');
    const alert = await screen.findByTestId('erd-drawer-details-error');
    expect(alert).toHaveTextContent(
      "Could not load this table's description: backend is down",
    );
    // The rest of the drawer is there meanwhile.
    expect(screen.getByText('Columns (2)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(screen.getByTestId('erd-drawer-description')).toHaveTextContent(
        'One row per customer',
      ),
    );
    expect(getTableDetails).toHaveBeenCalledTimes(2);
  });

  it('opens with the description, no loading line, when the click that opened it already fetched it', async () => {
    const loader = new TableDetailsLoader(async id => details(id));
    await loader.load('model.shop.customers');
    await renderInTestApp(
      <TableDrawer
        details={loader}
        model={model}
        tableId="model.shop.customers"
        source={tab.source}
        onClose={() => {}}
        onFocusTable={() => {}}
      />,
    );
    expect(screen.queryByTestId('erd-drawer-details-loading')).toBeNull();
    expect(screen.getByTestId('erd-drawer-description')).toHaveTextContent(
      'One row per customer',
    );
  });
});

describe('TableDrawer relationships', () => {
  it("lists a hub's first relationships, and all of them on request", async () => {
    // A dimension every other table references: more than the drawer lists at once.
    const hub = syntheticErd(RELATIONSHIPS_SHOWN + 10, 1);
    hub.nodes.push(table('dim_date', [column('date_day', { pk: true })]));
    hub.nodes.forEach(node => {
      if (node.id === 'model.shop.dim_date') return;
      node.columns.push(column('date_day', { fk: true }));
      hub.edges.push(
        relationship(
          node.id.split('.').pop()!,
          'date_day',
          'dim_date',
          'date_day',
        ),
      );
    });
    const count = RELATIONSHIPS_SHOWN + 10;
    const loader = new TableDetailsLoader(() => new Promise(() => {}));
    await renderInTestApp(
      <TableDrawer
        details={loader}
        model={buildErdModel(hub)}
        tableId="model.shop.dim_date"
        source={hub.source}
        onClose={() => {}}
        onFocusTable={() => {}}
      />,
    );
    const list = () =>
      screen.getByRole('list', {
        name: 'Relationships of model.shop.dim_date',
      });
    expect(screen.getByText(`Relationships (${count})`)).toBeInTheDocument();
    expect(list().children).toHaveLength(RELATIONSHIPS_SHOWN);
    await userEvent.click(
      screen.getByRole('button', { name: `Show all ${count} relationships` }),
    );
    expect(list().children).toHaveLength(count);
    expect(
      screen.queryByTestId('erd-drawer-all-relationships'),
    ).not.toBeInTheDocument();
  });
});
