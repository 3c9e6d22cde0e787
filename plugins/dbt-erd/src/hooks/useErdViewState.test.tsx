import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import {
  ErdViewState,
  parseViewState,
  useErdViewState,
  writeViewState,
} from './useErdViewState';

describe('view state in the URL', () => {
  it('defaults to the whole diagram with all columns', () => {
    expect(parseViewState(new URLSearchParams())).toEqual({
      view: 'diagram',
      showMode: 'all',
      focus: undefined,
      hops: 1,
      query: {},
      changesOnly: false,
    });
  });

  it('round-trips focus, hops, show mode, view and filters', () => {
    const shown: Partial<ErdViewState> = {
      view: 'table',
      showMode: 'keys',
      focus: 'model.shop.orders',
      hops: 2,
      query: {
        select: ['schema:marts', 'tag:core'],
        exclude: ['stg_*'],
        resourceTypes: ['model'],
        algo: 'semantic',
      },
    };
    const params = writeViewState(new URLSearchParams('other=kept'), shown);
    expect(params.get('other')).toBe('kept');
    expect(params.getAll('select')).toEqual(['schema:marts', 'tag:core']);
    expect(parseViewState(params)).toEqual({ ...shown, changesOnly: false });
  });

  it('round-trips the comparison and ignores a base the diff route would refuse', () => {
    const params = writeViewState(new URLSearchParams(), {
      compare: 'run:42',
      changesOnly: true,
    });
    expect(params.toString()).toBe('compare=run%3A42&changes=only');
    expect(parseViewState(params)).toMatchObject({
      compare: 'run:42',
      changesOnly: true,
    });
    for (const value of ['ci', 'previous', 'job:7']) {
      expect(
        parseViewState(new URLSearchParams({ compare: value })).compare,
      ).toBe(value);
    }
    for (const value of ['run:', 'run:0', 'yesterday', 'job:1x']) {
      expect(
        parseViewState(new URLSearchParams({ compare: value })).compare,
      ).toBeUndefined();
    }
    expect(
      writeViewState(params, {
        compare: undefined,
        changesOnly: false,
      }).toString(),
    ).toBe('');
  });

  it('drops defaults and ignores values it does not know', () => {
    const params = writeViewState(new URLSearchParams('focus=a&hops=3'), {
      focus: undefined,
      hops: 1,
      showMode: 'all',
    });
    expect(params.toString()).toBe('');
    expect(
      parseViewState(new URLSearchParams('hops=9&show=everything&view=3d')),
    ).toMatchObject({
      hops: 1,
      showMode: 'all',
      view: 'diagram',
    });
  });

  it('keeps its setter and an unchanged query the same objects across URL changes', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/erd?select=orders']}>
        {children}
      </MemoryRouter>
    );
    const { result } = renderHook(() => useErdViewState(), { wrapper });
    const [before, update] = result.current;
    act(() =>
      update({ focus: 'model.shop.orders', drawer: 'model.shop.orders' }),
    );
    const [after, updateAfter] = result.current;
    expect(after.focus).toBe('model.shop.orders');
    // Memoised controls (toolbar, search) take both: a focus must not render them again.
    expect(updateAfter).toBe(update);
    expect(after.query).toBe(before.query);
    act(() => update({ query: { select: ['customers'] } }));
    expect(result.current[0].query).toEqual({ select: ['customers'] });
  });
});
