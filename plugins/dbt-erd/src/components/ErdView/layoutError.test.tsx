import { screen } from '@testing-library/react';
import { shopErd } from '../../__testUtils__/erdFixtures';
import { renderErdTab } from '../../__testUtils__/renderErdTab';

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

jest.setTimeout(30_000);

it('names a layout that failed instead of leaving the canvas blank', async () => {
  await renderErdTab({ getEntityErd: jest.fn().mockResolvedValue(shopErd()) });
  expect(await screen.findByTestId('erd-layout-error')).toHaveTextContent(
    'The diagram could not be laid out: no room for 6 tables',
  );
  expect(screen.queryAllByTestId('erd-node')).toHaveLength(0);
});
