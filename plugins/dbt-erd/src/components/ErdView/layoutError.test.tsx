import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { dbtErdApiRef } from '../../api';
import { shopErd } from '../../__testUtils__/erdFixtures';
import { DbtErdContent } from '../DbtErdContent';

// Both layouts throw: the tab must say so, not show an empty canvas.
jest.mock('../../layout/dagreLayout', () => ({
  dagreLayout: () => {
    throw new Error('dagre gave up');
  },
}));
jest.mock('../../layout/gridLayout', () => ({
  gridLayout: () => {
    throw new Error('no room for 6 tables');
  },
}));

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: { 'getdbt.com/artifacts-location': 'local:demo' },
  },
  spec: {},
};

jest.setTimeout(30_000);

it('names a layout that failed instead of leaving the canvas blank', async () => {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          dbtErdApiRef,
          { getEntityErd: jest.fn().mockResolvedValue(shopErd()) },
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <DbtErdContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  expect(await screen.findByTestId('erd-layout-error')).toHaveTextContent(
    'The diagram could not be laid out: no room for 6 tables',
  );
  expect(screen.queryAllByTestId('erd-node')).toHaveLength(0);
});
