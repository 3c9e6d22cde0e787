import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { DbtErdApi, dbtErdApiRef, EntityErd } from '../../api';
import { DbtErdContent } from './DbtErdContent';

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default', annotations },
  spec: {},
});

const column = (name: string) => ({
  name,
  data_type: 'text',
  description: '',
  is_primary_key: false,
  is_foreign_key: false,
});

const erd: EntityErd = {
  nodes: [
    {
      id: 'model.shop.customers',
      name: 'model.shop.customers',
      label: null,
      description: 'One row per customer',
      resource_type: 'model',
      schema_name: 'marts',
      database: 'analytics',
      columns: [column('customer_id')],
    },
    {
      id: 'model.shop.orders',
      name: 'model.shop.orders',
      label: null,
      description: '',
      resource_type: 'model',
      schema_name: 'marts',
      database: 'analytics',
      columns: [column('order_id'), column('customer_id')],
    },
  ],
  edges: [
    {
      id: 'test.shop.relationships_orders_customer_id',
      from_id: 'model.shop.orders',
      to_id: 'model.shop.customers',
      from_columns: ['customer_id'],
      to_columns: ['customer_id'],
      relationship_type: 'fk',
      name: 'test.shop.relationships_orders_customer_id',
      label: null,
      cardinality: 'n1',
    },
  ],
  metadata: { generated_at: '2026-01-01T00:00:00Z', dbt_project_name: 'shop' },
  source: { kind: 'local', name: 'demo' },
  warnings: ['catalog.json missing: column types are unknown; run `dbt docs generate`'],
} as unknown as EntityErd;

function renderTab(api: Partial<DbtErdApi>, annotations: Record<string, string>) {
  return renderInTestApp(
    <TestApiProvider apis={[[dbtErdApiRef, api]]}>
      <EntityProvider entity={entity(annotations)}>
        <DbtErdContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('DbtErdContent', () => {
  it('shows the tables and relationships the backend returns', async () => {
    const getEntityErd = jest.fn().mockResolvedValue(erd);
    await renderTab({ getEntityErd }, { 'getdbt.com/artifacts-location': 'local:demo' });

    expect(
      await screen.findByText('2 tables, 1 relationships from local demo'),
    ).toBeInTheDocument();
    expect(getEntityErd).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'shop' },
    );
    const tables = screen.getByRole('table', { name: 'Tables' });
    expect(within(tables).getByText('model.shop.customers')).toBeInTheDocument();
    expect(within(tables).getByText('model.shop.orders')).toBeInTheDocument();
    const relationships = screen.getByRole('table', { name: 'Relationships' });
    expect(
      within(relationships).getByText('model.shop.orders.customer_id'),
    ).toBeInTheDocument();
    expect(
      within(relationships).getByText('model.shop.customers.customer_id'),
    ).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('catalog.json missing');
  });

  it('names the annotations when the entity has none', async () => {
    const getEntityErd = jest.fn();
    await renderTab({ getEntityErd }, {});
    expect(screen.getAllByText(/getdbt.com\/cloud-job-id/).length).toBeGreaterThan(0);
    expect(getEntityErd).not.toHaveBeenCalled();
  });

  it("shows the backend's message and retries", async () => {
    const getEntityErd = jest
      .fn()
      .mockRejectedValueOnce(new Error('dbt Cloud rejected the token for account main (401)'))
      .mockResolvedValueOnce(erd);
    await renderTab({ getEntityErd }, { 'getdbt.com/cloud-job-id': '42' });

    expect(
      (await screen.findAllByText(/dbt Cloud rejected the token for account main/)).length,
    ).toBeGreaterThan(0);
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(await screen.findByRole('table', { name: 'Tables' })).toBeInTheDocument();
  });
});
