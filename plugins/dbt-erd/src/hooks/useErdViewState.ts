import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErdDiffBase, ErdQuery } from '../api';
import { SHOW_MODES, ShowMode } from '../graph/types';

export type ErdViewKind = 'diagram' | 'table';

/** Everything a link to the tab should reproduce. */
export interface ErdViewState {
  view: ErdViewKind;
  showMode: ShowMode;
  focus?: string;
  /** The table whose details drawer is open. */
  drawer?: string;
  hops: number;
  /** Filters sent to the backend. */
  query: ErdQuery;
  /** The run the ERD is compared with (see ErdCompare); none: no comparison. */
  compare?: ErdDiffBase;
  /** While comparing: only the changed tables and their neighbours. */
  changesOnly: boolean;
}

/** A `compare` parameter the diff route understands; anything else is ignored. */
export function parseCompareBase(
  value: string | null,
): ErdDiffBase | undefined {
  return value && /^(previous|ci|(run|job):[1-9]\d{0,14})$/.test(value)
    ? (value as ErdDiffBase)
    : undefined;
}

export const MIN_HOPS = 1;
export const MAX_HOPS = 3;

const QUERY_KEYS = ['select', 'exclude', 'resourceTypes'] as const;

/** Reads the view state from URL search params, ignoring values it does not know. */
export function parseViewState(params: URLSearchParams): ErdViewState {
  const show = params.get('show') as ShowMode | null;
  const hops = Number(params.get('hops'));
  const query: ErdQuery = {};
  for (const key of QUERY_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) query[key] = values;
  }
  const algo = params.get('algo');
  if (algo) query.algo = algo;
  return {
    view: params.get('view') === 'table' ? 'table' : 'diagram',
    showMode: show && SHOW_MODES.includes(show) ? show : 'all',
    focus: params.get('focus') || undefined,
    drawer: params.get('drawer') || undefined,
    hops:
      Number.isInteger(hops) && hops >= MIN_HOPS && hops <= MAX_HOPS ? hops : 1,
    query,
    compare: parseCompareBase(params.get('compare')),
    changesOnly: params.get('changes') === 'only',
  };
}

/** Writes a partial state over `params`; defaults are left out to keep links short. */
export function writeViewState(
  params: URLSearchParams,
  patch: Partial<ErdViewState>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === '' || value === fallback)
      next.delete(key);
    else next.set(key, value);
  };
  if ('view' in patch) set('view', patch.view, 'diagram');
  if ('showMode' in patch) set('show', patch.showMode, 'all');
  if ('focus' in patch) set('focus', patch.focus);
  if ('drawer' in patch) set('drawer', patch.drawer);
  if ('hops' in patch)
    set('hops', patch.hops === undefined ? undefined : String(patch.hops), '1');
  if ('compare' in patch) set('compare', patch.compare);
  if ('changesOnly' in patch)
    set('changes', patch.changesOnly ? 'only' : undefined);
  if (patch.query) {
    for (const key of QUERY_KEYS) {
      next.delete(key);
      patch.query[key]?.filter(Boolean).forEach(v => next.append(key, v));
    }
    set('algo', patch.query.algo);
  }
  return next;
}

/**
 * A URL write waits this long, then for the browser to be idle: by then a
 * focus has usually been laid out and drawn (the worker's wait is idle
 * time too, and the page's render there would delay the layout's answer).
 */
const URL_WRITE_DELAY_MS = 500;
const URL_WRITE_IDLE_WAIT_MS = 1000;

interface AheadOfUrl {
  /** The URL's search when the tab moved ahead of it. */
  base: string;
  params: URLSearchParams;
  replace: boolean;
}

/** Runs `write` a moment later, when the browser is idle; returns a cancel. */
function later(write: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function')
      idle = window.requestIdleCallback(write, {
        timeout: URL_WRITE_IDLE_WAIT_MS,
      });
    else write();
  }, URL_WRITE_DELAY_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

/**
 * The tab's view state in the URL (focus table, hops, filters, show mode,
 * diagram or table view), so that a copied link reproduces what one sees.
 * Focus and drawer changes push a history entry (Back leaves the focus or
 * closes the drawer); the rest replace the current one.
 *
 * A change shows at once and reaches the URL a moment later, when idle:
 * a URL change renders the whole Backstage page again (its header measures
 * itself on every render), and in the click that was a large part of a
 * focus's time. Until then the tab is ahead of the URL; anything that moves
 * the URL meanwhile (Back, a link) wins, and the pending write is dropped.
 */
export function useErdViewState(): [
  ErdViewState,
  (patch: Partial<ErdViewState>) => void,
] {
  const [urlParams, setParams] = useSearchParams();
  const urlSearch = urlParams.toString();
  const [ahead, setAhead] = useState<AheadOfUrl>();
  // The URL moved (the write landed, Back, a link): what was ahead of it is
  // dropped, in this render (React's state adjustment during render).
  if (ahead && ahead.base !== urlSearch) setAhead(undefined);
  const params = ahead && ahead.base === urlSearch ? ahead.params : urlParams;
  const search = params.toString();
  // The same query object while its content is: everything keyed on it
  // (the drawer's loader, the exports) stays put when only the focus moves.
  const lastQuery = useRef<ErdQuery>();
  const state = useMemo(() => {
    const parsed = parseViewState(new URLSearchParams(search));
    if (JSON.stringify(parsed.query) === JSON.stringify(lastQuery.current))
      parsed.query = lastQuery.current!;
    lastQuery.current = parsed.query;
    return parsed;
  }, [search]);

  // Read by `update` and the pending write; `update` itself must not
  // change, or every memoised control taking it renders again.
  const latest = useRef({ urlSearch, urlParams, ahead, setParams });
  latest.current = { urlSearch, urlParams, ahead, setParams };
  const cancelWrite = useRef<() => void>();
  useEffect(() => () => cancelWrite.current?.(), []);
  const update = useCallback((patch: Partial<ErdViewState>) => {
    const { urlSearch: base, urlParams: url } = latest.current;
    // From the previous state, not the last render: two updates in one
    // event both apply.
    setAhead(previous => {
      const pending = previous?.base === base ? previous : undefined;
      return {
        base,
        params: writeViewState(pending?.params ?? url, patch),
        // One history entry for the changes that wait together; a push if any is.
        replace:
          !('focus' in patch) &&
          !('drawer' in patch) &&
          (pending?.replace ?? true),
      };
    });
    cancelWrite.current?.();
    cancelWrite.current = later(() => {
      cancelWrite.current = undefined;
      // What the tab shows by now; nothing if the URL moved meanwhile (Back,
      // a link): the URL wins.
      const { ahead: shown, urlSearch: now, setParams: write } = latest.current;
      if (shown?.base !== now) return;
      write(shown.params, { replace: shown.replace });
    });
  }, []);
  return [state, update];
}
