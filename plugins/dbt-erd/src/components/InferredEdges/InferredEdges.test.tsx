import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityErd } from '../../api';
import { relationship, shopErd } from '../../__testUtils__/erdFixtures';
import { renderErdTab } from '../../__testUtils__/renderErdTab';

/** The shop with one of its four relationships found in SQL instead of declared. */
function shopWithInferred(): EntityErd {
  const erd = shopErd();
  const inferred = {
    ...relationship('payments', 'order_id', 'orders', 'order_id'),
    id: 'inferred.payments.order_id',
    provenance: 'inferred' as const,
    confidence: 'high' as const,
    evidence: [
      'join in model.shop.finance: p.order_id = o.order_id',
      'key on to side (unique test or constraint)',
    ],
  };
  return {
    ...erd,
    edges: [
      ...erd.edges
        .filter(e => !e.from_id.endsWith('payments'))
        .map(e => ({ ...e, provenance: 'test' as const })),
      inferred,
    ],
  };
}

async function renderTab(erd: EntityErd) {
  await renderErdTab({ getEntityErd: jest.fn().mockResolvedValue(erd) });
}

const drawnEdges = () => document.querySelectorAll('.react-flow__edge').length;

/** A table's node, once the layout has drawn it. */
async function tableNode(tableId: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = screen
      .queryAllByTestId('erd-node')
      .find(n => n.getAttribute('data-table-id') === tableId);
    expect(found).toBeDefined();
  });
  return found!;
}

// Layout runs for real: a busy CI core needs more than Jest's 5 s.
jest.setTimeout(30_000);

describe('inferred relationships in the tab', () => {
  it('says how many were declared and inferred, draws them by default and hides them with the switch', async () => {
    await renderTab(shopWithInferred());
    expect(
      await screen.findByText('3 declared, 1 inferred from SQL'),
    ).toBeInTheDocument();
    const toggle = screen.getByRole('checkbox', { name: 'Show inferred' });
    // 3 declared for 6 tables: fewer relationships than tables, so on.
    expect(toggle).toBeChecked();
    await waitFor(() => expect(drawnEdges()).toBe(4));
    // Dashed: only the inferred one.
    expect(
      document.querySelectorAll(
        '.react-flow__edge path[style*="stroke-dasharray"]',
      ),
    ).toHaveLength(1);
    await userEvent.click(toggle);
    await waitFor(() => expect(drawnEdges()).toBe(3));
  });

  it('shows the evidence in the drawer and copies the relationships test', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    await renderTab(shopWithInferred());
    // fireEvent: d3-drag's mousedown handler needs event.view, which user-event leaves null in jsdom
    fireEvent.click(
      within(await tableNode('model.shop.payments')).getByTestId(
        'erd-node-title',
      ),
    );
    const drawer = screen.getByTestId('erd-drawer');
    const section = within(drawer).getByLabelText('Inferred relationships');
    expect(
      within(section).getByText(
        'join in model.shop.finance: p.order_id = o.order_id',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(section).getByRole('button', { name: 'Copy as dbt test' }),
    );
    expect(writeText).toHaveBeenCalledWith(
      expect.stringContaining(
        `- relationships:\n              to: "ref('orders')"`,
      ),
    );
    expect(
      await within(section).findByRole('button', { name: 'Copied' }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(section).getByRole('button', {
        name: 'Copy all inferred as YAML',
      }),
    );
    expect(writeText).toHaveBeenLastCalledWith(
      expect.stringMatching(/^models:\n {2}- name: payments\n/),
    );
  });

  it('shows nothing about inference when no edge is inferred', async () => {
    await renderTab(shopErd());
    await screen.findByTestId('erd-summary');
    expect(
      screen.queryByRole('checkbox', { name: 'Show inferred' }),
    ).not.toBeInTheDocument();
  });
});
