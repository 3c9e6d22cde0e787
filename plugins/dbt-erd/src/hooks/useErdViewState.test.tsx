import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import {
  MemoryRouter,
  NavigateFunction,
  useLocation,
  useNavigate,
} from 'react-router-dom';
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

  describe('the URL follows when the browser is idle', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** The hook, the router's search and a navigate, under one MemoryRouter. */
    function renderWithRouter(url: string) {
      const wrapper = ({ children }: { children: ReactNode }) => (
        <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
      );
      return renderHook(
        () => {
          const [state, update] = useErdViewState();
          const navigate: NavigateFunction = useNavigate();
          return { state, update, search: useLocation().search, navigate };
        },
        { wrapper },
      );
    }

    it('shows a focus at once and pushes it to the URL afterwards', () => {
      const { result } = renderWithRouter('/erd?hops=2');
      act(() => result.current.update({ focus: 'model.shop.orders' }));
      expect(result.current.state.focus).toBe('model.shop.orders');
      // The whole Backstage page renders on a URL change: not in the click.
      expect(result.current.search).toBe('?hops=2');
      const shown = result.current.state;
      act(() => jest.runOnlyPendingTimers());
      expect(result.current.search).toBe('?hops=2&focus=model.shop.orders');
      // The URL catching up changes nothing the tab draws.
      expect(result.current.state).toBe(shown);
      // A push: Back leaves the focus.
      act(() => result.current.navigate(-1));
      expect(result.current.search).toBe('?hops=2');
      expect(result.current.state.focus).toBeUndefined();
    });

    it('applies two changes made in one event, as a search pick does', () => {
      const { result } = renderWithRouter('/erd?view=table');
      act(() => {
        result.current.update({ focus: 'model.shop.orders' });
        result.current.update({ view: 'diagram' });
      });
      expect(result.current.state).toMatchObject({
        focus: 'model.shop.orders',
        view: 'diagram',
      });
      act(() => jest.runOnlyPendingTimers());
      expect(result.current.search).toBe('?focus=model.shop.orders');
      // Still one push: Back returns to the table view.
      act(() => result.current.navigate(-1));
      expect(result.current.search).toBe('?view=table');
    });

    it('writes changes made before the write as one entry, and Back meanwhile wins', () => {
      const { result } = renderWithRouter('/erd');
      act(() => result.current.update({ focus: 'model.shop.orders' }));
      act(() => result.current.update({ drawer: 'model.shop.orders' }));
      act(() => jest.runOnlyPendingTimers());
      expect(result.current.search).toBe(
        '?focus=model.shop.orders&drawer=model.shop.orders',
      );

      act(() => result.current.update({ focus: 'model.shop.customers' }));
      // A link (or Back) moves the URL before the write: the URL wins.
      act(() => result.current.navigate('/erd?focus=model.shop.products'));
      expect(result.current.state.focus).toBe('model.shop.products');
      act(() => jest.runOnlyPendingTimers());
      expect(result.current.search).toBe('?focus=model.shop.products');
    });
  });
});
