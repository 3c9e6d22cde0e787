import { useMemo, useRef } from 'react';
import { ErdModel } from '../graph/erdModel';
import { DiagramExposure, visibleExposures } from '../graph/exposures';
import { neighbourhood } from '../graph/neighbourhood';
import { tableSizes } from '../graph/nodeSize';
import {
  applyHighlight,
  ErdFlowEdge,
  ErdFlowNode,
  FlowHighlight,
  toFlow,
} from '../graph/toFlow';
import { ShowMode } from '../graph/types';
import { LayoutResult } from '../layout/types';
import { buildLayoutRequest } from './layoutRequest';
import { useErdLayout } from './useErdLayout';
import { useRecentMemo } from './useRecentMemo';

const NO_EXPOSURES: DiagramExposure[] = [];

/** What the diagram shows: the whole model, a focused neighbourhood, or a given set (a join path). */
export interface ErdPipelineInput {
  model: ErdModel;
  /** Tables to show instead of a neighbourhood (a join path, or two components). */
  only?: ReadonlySet<string>;
  focus?: string;
  hops: number;
  showMode: ShowMode;
  /** The large-project overview: grid layout, no relationship lines. */
  overview: boolean;
  /** Undefined until the canvas is measured: nothing is laid out before. */
  aspectRatio?: number;
  highlight: FlowHighlight;
}

/**
 * What the diagram shows: the input's tables once laid out; while a new
 * layout is computed, the previous view as it was (its tables, layout and
 * mode together).
 */
export interface ErdPipeline {
  visibleIds: ReadonlySet<string>;
  layout?: LayoutResult;
  flow?: { nodes: ErdFlowNode[]; edges: ErdFlowEdge[] };
  /** The flow shown is the large-project overview. */
  overview: boolean;
  pending: boolean;
  /** The layout failed: shown to the user instead of a blank canvas. */
  error?: Error;
  /** The layout worker failed; layouts run on the main thread from then on. */
  workerError?: Error;
}

/**
 * The diagram's one data path: model → visible tables (and the exposures
 * that name an entity, following them; none in the overview, which stays
 * cheap) → sizes (computed once, for both the layout and the nodes) →
 * layout → React Flow elements → highlight. Each step is memoised on its own inputs, so a highlight
 * change re-runs only the last step and a focus change skips the model;
 * the steps up to the elements remember the whole project and the last
 * focus both (useRecentMemo), so leaving a focus redoes nothing.
 */
export function useErdPipeline(input: ErdPipelineInput): ErdPipeline {
  const { model, only, focus, hops, showMode, overview, aspectRatio } = input;
  const allIds = useMemo(() => new Set(model.nodeById.keys()), [model]);
  const focused = useMemo(
    () => (focus ? neighbourhood(model.adjacency, focus, hops) : undefined),
    [model, focus, hops],
  );
  const visibleIds = only ?? focused ?? allIds;
  const sizes = useRecentMemo(
    () => tableSizes(model, visibleIds, showMode),
    [model, visibleIds, showMode],
  );
  const exposures = useRecentMemo(
    () =>
      overview ? NO_EXPOSURES : visibleExposures(model.exposures, visibleIds),
    [model, visibleIds, overview],
  );
  const request = useRecentMemo(
    () =>
      aspectRatio === undefined
        ? undefined
        : buildLayoutRequest(model, sizes, true, aspectRatio, exposures),
    [model, sizes, aspectRatio, exposures],
  );
  const { layout, pending, error, workerError } = useErdLayout(
    request,
    overview ? 'grid' : 'layered',
  );
  const baseFlow = useRecentMemo(
    () =>
      layout
        ? toFlow(model, visibleIds, layout, sizes, {
            showMode,
            drawEdges: !overview,
            exposures,
          })
        : undefined,
    [model, visibleIds, layout, sizes, showMode, overview, exposures],
  );
  const { focusId, tableId, column, pathTableIds, pathEdgeIds } =
    input.highlight;
  const flow = useMemo(
    () =>
      baseFlow &&
      applyHighlight(baseFlow, {
        focusId,
        tableId,
        column,
        pathTableIds,
        pathEdgeIds,
      }),
    [baseFlow, focusId, tableId, column, pathTableIds, pathEdgeIds],
  );
  // While a layout is computed in the worker, the previous view stays on
  // screen untouched. Drawn from the new tables at the old layout's
  // positions instead, a focus first mounted its tables, with all their
  // columns, at their places in the overview (most of a 100-table focus's
  // click), then again where its own layout put them.
  const current =
    flow && layout ? { visibleIds, layout, flow, overview } : undefined;
  const lastShown = useRef(current);
  if (current) lastShown.current = current;
  const shown = current ?? (pending && !error ? lastShown.current : undefined);
  return {
    visibleIds: shown?.visibleIds ?? visibleIds,
    layout: shown?.layout,
    flow: shown?.flow,
    overview: shown?.overview ?? overview,
    pending,
    error,
    workerError,
  };
}
