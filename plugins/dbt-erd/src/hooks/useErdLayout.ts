import { useEffect, useMemo, useState } from 'react';
import { createLayoutEngine } from '../layout/layoutEngine';
import { gridLayout } from '../layout/gridLayout';
import { LayoutRequest, LayoutResult } from '../layout/types';

export type LayoutKind = 'grid' | 'layered';

/**
 * Lays a graph out. "grid" is linear and synchronous (large-project
 * overviews); "layered" is dagre in a Web Worker, with the previous result
 * kept on screen until the new one arrives and stale answers dropped.
 */
export function useErdLayout(
  request: LayoutRequest,
  kind: LayoutKind,
): { layout?: LayoutResult; pending: boolean; error?: Error } {
  const engine = useMemo(() => createLayoutEngine(), []);
  useEffect(() => () => engine.dispose(), [engine]);

  const grid = useMemo(
    () => (kind === 'grid' ? gridLayout(request) : undefined),
    [kind, request],
  );
  const [state, setState] = useState<{
    for?: LayoutRequest;
    layout?: LayoutResult;
    error?: Error;
  }>({});

  useEffect(() => {
    if (kind !== 'layered') return undefined;
    let current = true;
    engine.layout(request).then(
      layout => current && setState({ for: request, layout }),
      error => current && setState({ for: request, error }),
    );
    return () => {
      current = false;
    };
  }, [engine, kind, request]);

  if (grid) return { layout: grid, pending: false };
  return {
    layout: state.layout,
    pending: state.for !== request,
    error: state.for === request ? state.error : undefined,
  };
}
