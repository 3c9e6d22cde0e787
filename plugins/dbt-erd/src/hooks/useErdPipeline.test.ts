import { renderHook, waitFor } from '@testing-library/react';
import { syntheticErd } from '../__testUtils__/erdFixtures';
import { buildErdModel } from '../graph/erdModel';
import { ErdPipelineInput, useErdPipeline } from './useErdPipeline';
import { SYNC_LAYERED_MAX } from './useErdLayout';

const model = buildErdModel(syntheticErd(3 * SYNC_LAYERED_MAX));
const tableIds = (flow: ReturnType<typeof useErdPipeline>['flow']) =>
  flow!.nodes.filter(n => n.type === 'table').map(n => n.id);

const input = (only?: ReadonlySet<string>): ErdPipelineInput => ({
  model,
  only,
  hops: 1,
  showMode: 'all',
  overview: false,
  aspectRatio: 1.6,
  highlight: {},
});

describe('useErdPipeline', () => {
  it('keeps the previous view on screen, untouched, while a new one is laid out off the render', async () => {
    const { result, rerender } = renderHook(props => useErdPipeline(props), {
      initialProps: input(),
    });
    await waitFor(() => expect(result.current.pending).toBe(false));
    const whole = result.current;
    expect(tableIds(whole.flow)).toHaveLength(3 * SYNC_LAYERED_MAX);

    // More tables than are laid out in the render: the layout is asynchronous.
    const some = new Set(
      [...model.nodeById.keys()].slice(0, SYNC_LAYERED_MAX + 5),
    );
    rerender(input(some));
    // Not the new tables at the old layout's places: the old view itself.
    expect(result.current.pending).toBe(true);
    expect(result.current.flow).toBe(whole.flow);
    expect(result.current.layout).toBe(whole.layout);
    expect(result.current.visibleIds).toBe(whole.visibleIds);

    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(tableIds(result.current.flow).sort()).toEqual([...some].sort());
    expect(result.current.layout).not.toBe(whole.layout);
  });

  it('shows nothing while the first layout is computed', async () => {
    const { result } = renderHook(() => useErdPipeline(input()));
    expect(result.current.pending).toBe(true);
    expect(result.current.flow).toBeUndefined();
    await waitFor(() => expect(result.current.flow).toBeDefined());
  });
});
