import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { shopErd } from '../../__testUtils__/erdFixtures';
import { buildErdModel } from '../../graph/erdModel';
import { JoinPathSection } from './JoinPathSection';

async function renderFrom(fromName: string) {
  const model = buildErdModel(shopErd());
  const onFocusTable = jest.fn();
  await renderInTestApp(
    <JoinPathSection
      model={model}
      fromId={`model.shop.${fromName}`}
      onFocusTable={onFocusTable}
    />,
  );
  return { onFocusTable };
}

const search = (term: string) =>
  fireEvent.change(screen.getByLabelText('Join path to table'), {
    target: { value: term },
  });

describe('JoinPathSection', () => {
  it('finds the path to a searched table and shows the dbt SQL to copy', async () => {
    const { onFocusTable } = await renderFrom('customers');
    search('prod');
    fireEvent.click(
      screen.getByRole('button', { name: 'model.shop.products' }),
    );
    const sql = screen.getByLabelText('Join SQL').textContent;
    expect(sql).toContain("from {{ ref('customers') }} as customers");
    expect(sql).toContain("join {{ ref('products') }} as products");
    expect(screen.getByRole('button', { name: 'Copy SQL' })).toBeEnabled();
    fireEvent.click(
      screen.getByRole('button', { name: 'model.shop.order_items' }),
    );
    expect(onFocusTable).toHaveBeenCalledWith('model.shop.order_items');
  });

  it('says when no chain joins the tables and shows what each is connected to', async () => {
    await renderFrom('customers');
    search('stg');
    fireEvent.click(
      screen.getByRole('button', { name: 'model.shop.stg_events' }),
    );
    expect(
      screen.getByText(/No chain of relationships joins these tables/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Join SQL')).not.toBeInTheDocument();
  });
});
