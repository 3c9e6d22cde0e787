import { useEffect, useMemo, useState } from 'react';
import { createLayoutEngine } from '../layout/layoutEngine';
import { dagreLayout } from '../layout/dagreLayout';
import { gridLayout } from '../layout/gridLayout';
import { LayoutEngine, LayoutRequest, LayoutResult } from '../layout/types';
import { useRecentMemo } from './useRecentMemo';

export type LayoutKind = 'grid' | 'layered';

/**
 * Up to this many tables, dagre takes a few milliseconds: cheaper in the
 * render than a worker round trip, which costs an extra render with a
 * progress bar. Larger ones go to the worker, where dagre runs while the
 * main thread renders the rest of the click (the drawer, the overview's
 * nodes going away). In the render, a 45–60-table focus was one task of
 * 160–270 ms (past the 200 ms a task may take); in the worker, 70–100 ms.
 */
export const SYNC_LAYERED_MAX = 20;

/** A tiny grouped graph: laying it out compiles dagre's code paths. */
const WARM_UP: LayoutRequest = {
  nodes: ['a', 'b', 'c'].map(id => ({
    id,
    width: 100,
    height: 40,
    group: id === 'c' ? 'y' : 'x',
  })),
  edges: [
    { id: 'ab', source: 'a', target: 'b' },
    { id: 'bc', source: 'b', target: 'c' },
  ],
  groupAreas: true,
};

/**
 * The first dagre run in a JavaScript context pays for compiling dagre
 * (~40 ms on the main thread, more in a fresh worker). The overview's first
 * focus lays its neighbourhood out in one of the two: warm both up while
 * the browser is idle after the overview is drawn.
 */
function useDagreWarmUp(engine: LayoutEngine, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return undefined;
    const run = () => {
      try {
        dagreLayout(WARM_UP);
      } catch {
        // only a warm-up
      }
      engine.layout(WARM_UP).catch(() => {
        // a worker that fails reports it on the next real layout
      });
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(run, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(run, 500);
    return () => clearTimeout(id);
  }, [engine, enabled]);
}

/**
 * Lays a graph out. "grid" is linear and synchronous (large-project
 * overviews); "layered" is dagre, synchronous for small graphs and
 * otherwise in a Web Worker, stale answers dropped. `layout` is always the
 * request's own: what stays on screen meanwhile is the caller's (see
 * useErdPipeline), which knows what the previous layout was drawn from.
 */
export function useErdLayout(
  /** Undefined until there is something to lay out (the canvas is measured). */
  request: LayoutRequest | undefined,
  kind: LayoutKind,
): {
  layout?: LayoutResult;
  pending: boolean;
  error?: Error;
  /** The worker failed; layouts run on the main thread from then on. */
  workerError?: Error;
} {
  const [workerError, setWorkerError] = useState<Error>();
  const engine = useMemo(
    () => createLayoutEngine({ onWorkerFailure: setWorkerError }),
    [],
  );
  useEffect(() => () => engine.dispose(), [engine]);
  useDagreWarmUp(engine, kind === 'grid');

  const inThread =
    !request || kind === 'grid' || request.nodes.length <= SYNC_LAYERED_MAX;
  // A layered layout that throws falls back to the grid (every table
  // shown, unconnected); only a grid that throws is an error.
  // The whole project's grid and the last focus's layout both remembered:
  // leaving a focus lays nothing out again.
  const sync = useRecentMemo(():
    | { layout?: LayoutResult; error?: Error }
    | undefined => {
    if (!request || !inThread) return undefined;
    try {
      if (kind === 'grid') return { layout: gridLayout(request) };
      try {
        return { layout: dagreLayout(request) };
      } catch {
        return { layout: gridLayout(request) };
      }
    } catch (error) {
      return { error: error as Error };
    }
  }, [inThread, kind, request]);
  const [state, setState] = useState<{
    for?: LayoutRequest;
    layout?: LayoutResult;
    error?: Error;
  }>({});

  // Sent to the worker while rendering, not from an effect: an effect runs
  // after the commit, so the worker would start only once the rest of the
  // click (the drawer, the overview's nodes going away) had been rendered
  // and committed, instead of laying out meanwhile. A render React throws
  // away leaves an answer nobody reads.
  const job = useMemo(() => {
    if (!request || inThread) return undefined;
    const answer = engine.layout(request);
    answer.catch(() => {
      // read (and reported) by the effect below
    });
    return { request, answer };
  }, [engine, inThread, request]);

  useEffect(() => {
    if (!job) return undefined;
    let current = true;
    job.answer.then(
      layout => current && setState({ for: job.request, layout }),
      error => current && setState({ for: job.request, error }),
    );
    return () => {
      current = false;
    };
  }, [job]);

  if (sync) return { ...sync, pending: false, workerError };
  if (!request) return { pending: true, workerError };
  return {
    layout: state.for === request ? state.layout : undefined,
    pending: state.for !== request,
    error: state.for === request ? state.error : undefined,
    workerError,
  };
}
