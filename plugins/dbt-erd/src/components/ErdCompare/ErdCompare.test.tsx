import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { diffErds, Erd } from 'backstage-plugin-dbt-erd-common';
import { DbtErdApi, EntityErdDiff } from '../../api';
import {
  column,
  relationship,
  shopErd,
  table,
} from '../../__testUtils__/erdFixtures';
import { renderErdTab, shopEntity } from '../../__testUtils__/renderErdTab';

const id = (name: string) => `model.shop.${name}`;
const legacyCode = column('legacy_code');

/**
 * The shop one run earlier: it still had refunds (and its relationship to
 * orders) and orders.legacy_code, typed customer_id as text, and had
 * neither payments nor the order_items → products relationship.
 */
function baseErd(): Erd {
  const head = shopErd();
  return {
    ...head,
    nodes: [
      ...head.nodes
        .filter(n => n.id !== id('payments'))
        .map(n =>
          n.id === id('orders')
            ? {
                ...n,
                columns: [
                  ...n.columns.map(c =>
                    c.name === 'customer_id' ? { ...c, data_type: 'text' } : c,
                  ),
                  legacyCode,
                ],
              }
            : n,
        ),
      table('refunds', [
        column('refund_id', { pk: true }),
        column('order_id', { fk: true }),
      ]),
    ],
    edges: [
      ...head.edges.filter(
        e =>
          e.from_id !== id('payments') &&
          !e.from_columns.includes('product_id'),
      ),
      relationship('refunds', 'order_id', 'orders', 'order_id'),
    ],
  };
}

/** What the diff route answers for head (shopErd) against baseErd. */
function shopDiff(): EntityErdDiff {
  const base = baseErd();
  const head = shopErd();
  return {
    ...diffErds(base, head, {
      base: 'dbt Cloud run 1000 (job 42)',
      head: 'dbt Cloud run 1001 (job 42)',
    }),
    sources: {
      base: { kind: 'dbt-cloud-run', name: 'main', runId: 1000 },
      head: head.source,
    },
    ghosts: {
      tables: base.nodes.filter(n => n.id === id('refunds')),
      columns: [{ table_id: id('orders'), columns: [legacyCode] }],
    },
    warnings: [],
  };
}

const byJob = { 'getdbt.com/cloud-job-id': '42' };

function renderTab(
  api: Partial<DbtErdApi>,
  annotations: Record<string, string> = byJob,
  url = '/',
) {
  return renderErdTab(
    { getEntityErd: jest.fn().mockResolvedValue(shopErd()), ...api },
    { entity: shopEntity(annotations), routeEntries: [url] },
  );
}

/** The drawn table's React Flow wrapper, which carries the diff class. */
const flowNode = (tableId: string) =>
  screen
    .getAllByTestId('erd-node')
    .find(n => n.getAttribute('data-table-id') === tableId)
    ?.closest('.react-flow__node');

const drawnIds = () =>
  screen
    .queryAllByTestId('erd-node')
    .map(n => n.getAttribute('data-table-id')!)
    .sort();

jest.setTimeout(30_000);

describe('Compare with another run', () => {
  it('draws the diff from the URL: added green, removed as ghosts in place, changed, grey context', async () => {
    const getErdDiff = jest.fn().mockResolvedValue(shopDiff());
    await renderTab({ getErdDiff }, byJob, '/?compare=previous');

    await waitFor(() =>
      expect(flowNode(id('refunds'))).toHaveClass('erd-diff-removed'),
    );
    expect(getErdDiff).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'shop' },
      'previous',
      {},
    );
    expect(flowNode(id('payments'))).toHaveClass('erd-diff-added');
    expect(flowNode(id('orders'))).toHaveClass('erd-diff-changed');
    expect(flowNode(id('stg_events'))).toHaveClass('erd-diff-context');
    // The ghost column is drawn in its table, struck through; the retyped one marked.
    const orders = flowNode(id('orders')) as HTMLElement;
    expect(within(orders).getByTitle('legacy_code text')).toHaveAttribute(
      'data-diff',
      'removed',
    );
    expect(within(orders).getByTitle('customer_id integer')).toHaveAttribute(
      'data-diff',
      'changed',
    );
    expect(
      document.querySelectorAll('.react-flow__edge.erd-diff-removed'),
    ).toHaveLength(1);
    expect(
      document.querySelectorAll('.react-flow__edge.erd-diff-added'),
    ).toHaveLength(2);

    expect(
      screen.getByRole('button', { name: /Comparing with the previous run/ }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('erd-diff-summary')).toHaveTextContent(
      'Compared with dbt Cloud run 1000 (job 42): tables +1 −1 ~1, columns +0 −1 ~1, relationships +2 −1 ~0',
    );
    const items = screen.getAllByTestId('erd-change').map(i => i.textContent);
    expect(items).toEqual([
      'Removed table: refunds',
      'Removed relationship: refunds.order_id → orders.order_idtable refunds removed',
      expect.stringMatching(
        /^Changed table: orders− legacy_code; customer_id: data_type text → integer$/,
      ),
      'Added table: payments',
      expect.stringMatching(
        /^Added relationship: order_items.product_id → products.product_id/,
      ),
      expect.stringMatching(
        /^Added relationship: payments.order_id → orders.order_id/,
      ),
    ]);
  });

  it('focuses the table of a change-list entry', async () => {
    await renderTab(
      { getErdDiff: jest.fn().mockResolvedValue(shopDiff()) },
      byJob,
      '/?compare=previous',
    );
    const refunds = await screen.findByText('Removed table: refunds');
    await userEvent.click(refunds);

    // refunds and its one-hop neighbour, orders (through the ghost relationship).
    await waitFor(() =>
      expect(drawnIds()).toEqual([id('orders'), id('refunds')]),
    );
    expect(screen.getByRole('navigation', { name: 'Focus' })).toHaveTextContent(
      'refunds',
    );
  });

  it('shows changes only: changed tables and their neighbours', async () => {
    await renderTab(
      { getErdDiff: jest.fn().mockResolvedValue(shopDiff()) },
      byJob,
      '/?compare=previous',
    );
    await waitFor(() => expect(drawnIds()).toHaveLength(7));
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Changes only' }),
    );

    await waitFor(() => expect(drawnIds()).toHaveLength(6));
    expect(drawnIds()).not.toContain(id('stg_events'));
    await userEvent.click(
      screen.getByRole('button', { name: 'Stop comparing' }),
    );
    await waitFor(() => expect(drawnIds()).toHaveLength(6));
    expect(drawnIds()).not.toContain(id('refunds'));
    expect(screen.queryByTestId('erd-change')).not.toBeInTheDocument();
  });

  it('offers the previous run, the CI job of the annotation, a run id and a job id', async () => {
    const getErdDiff = jest.fn().mockResolvedValue(shopDiff());
    await renderTab(
      { getErdDiff },
      { ...byJob, 'getdbt.com/cloud-ci-job-id': '46' },
    );
    await screen.findAllByTestId('erd-node');

    await userEvent.click(
      screen.getByRole('button', { name: 'Compare with…' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Latest CI run (job 46)' }),
    );
    await waitFor(() =>
      expect(getErdDiff).toHaveBeenLastCalledWith(expect.anything(), 'ci', {}),
    );
    expect(
      await screen.findByRole('button', {
        name: /Comparing with the latest CI run/,
      }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: /Comparing with/ }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Compare with' });
    await userEvent.type(within(dialog).getByLabelText('Run id'), '12x');
    expect(
      within(dialog).getByText('a dbt Cloud id: digits only'),
    ).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText('Run id'));
    await userEvent.type(
      within(dialog).getByLabelText('Run id'),
      '1000{Enter}',
    );
    await waitFor(() =>
      expect(getErdDiff).toHaveBeenLastCalledWith(
        expect.anything(),
        'run:1000',
        {},
      ),
    );
    expect(
      await screen.findByRole('button', { name: /Comparing with run 1000/ }),
    ).toBeInTheDocument();
  });

  it('downloads the diff as erd-diff.md and erd-diff.json from the backend', async () => {
    const downloadErdDiff = jest.fn().mockResolvedValue(undefined);
    await renderTab(
      { getErdDiff: jest.fn().mockResolvedValue(shopDiff()), downloadErdDiff },
      byJob,
      '/?compare=job:46',
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Markdown' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'JSON' }));

    expect(downloadErdDiff.mock.calls.map(c => [c[1], c[2]])).toEqual([
      ['job:46', 'md'],
      ['job:46', 'json'],
    ]);
  });

  it('says why a comparison failed and keeps drawing this run', async () => {
    const error = Object.assign(
      new Error(
        'dbt Cloud job 42 has no successful run with docs before run 1001',
      ),
      {
        name: 'NotFoundError',
      },
    );
    await renderTab(
      { getErdDiff: jest.fn().mockRejectedValue(error) },
      byJob,
      '/?compare=previous',
    );

    expect(
      await screen.findByText(
        /Could not compare with the previous run; the diagram shows this run only/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/has no successful run with docs before run 1001/)
        .length,
    ).toBeGreaterThan(0);
    await waitFor(() => expect(drawnIds()).toHaveLength(6));
    await userEvent.click(
      screen.getByRole('button', { name: 'Stop comparing' }),
    );
    expect(screen.queryByText(/Could not compare/)).not.toBeInTheDocument();
  });

  it('explains that an entity drawn from a folder has no runs to compare', async () => {
    const getErdDiff = jest.fn();
    await renderTab(
      { getErdDiff },
      { 'getdbt.com/artifacts-location': 'local:demo' },
    );
    await screen.findAllByTestId('erd-node');
    await userEvent.click(
      screen.getByRole('button', { name: 'Compare with…' }),
    );

    expect(
      await screen.findByText(
        /Comparing runs needs an entity drawn from dbt Cloud/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Previous run' }),
    ).not.toBeInTheDocument();
    expect(getErdDiff).not.toHaveBeenCalled();
  });
});
