import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { dbtErdApiRef, EntityErd, ErdExportFormat } from '../../api';
import { buildErdModel } from '../../graph/erdModel';
import { showInferredByDefault, withInferred } from '../../graph/inferredEdges';
import { InferredEdgesControl } from '../InferredEdges';
import { isOverview, OVERVIEW_THRESHOLD } from '../../graph/overview';
import { buildSearchIndex, SearchEntry } from '../../graph/searchIndex';
import { shortName } from '../../graph/shortName';
import { useCanvasAspectRatio } from '../../hooks/useCanvasAspectRatio';
import { useErdPipeline } from '../../hooks/useErdPipeline';
import { ErdViewState } from '../../hooks/useErdViewState';
import {
  applyDiffMarks,
  changesWithNeighbours,
  ErdChangeList,
  ErdCompareControl,
  ErdCompareError,
  useDiffStyles,
  useErdDiffOverlay,
} from '../ErdCompare';
import { ErdDiagram } from '../ErdDiagram';
import { LegendEntry } from '../ErdDiagram/DiagramLegend';
import { ErdSearch } from '../ErdSearch';
import { ErdTableView } from '../ErdTableView';
import { ErdFocusBar, ErdToolbar } from '../ErdToolbar';
import { ExportMenu } from '../ExportMenu';
import type { DiagramExporter } from '../ErdDiagram/ErdDiagram';
import { TableDrawer, useTableDetailsLoader } from '../TableDrawer';
import { FocusStyleKeeper } from './FocusStyleKeeper';
import { DiagramJoinPath, ShowJoinPathContext } from '../JoinPath';
import { JoinPathStatus } from './JoinPathStatus';

/** A fresh key per layout result: each new layout is fitted into view once. */
const layoutKeys = new WeakMap<object, string>();
function layoutKey(layout: object | undefined): string {
  if (!layout) return '';
  if (!layoutKeys.has(layout)) layoutKeys.set(layout, String(Math.random()));
  return layoutKeys.get(layout)!;
}

function shortNameOf(model: ReturnType<typeof buildErdModel>, id: string) {
  const node = model.nodeById.get(id);
  return node && shortName(node);
}

/** The most connected of the shown tables (where a partial first view opens) and the legend's groups. */
function firstViewHints(
  model: ReturnType<typeof buildErdModel>,
  visibleIds: ReadonlySet<string>,
): { mostConnected?: string; legend: LegendEntry[] } {
  let mostConnected: string | undefined;
  // A table joined to nothing is no better start than the top left.
  let degree = 0;
  const counts = new Map<string, number>();
  for (const id of visibleIds) {
    const d = model.adjacency.get(id)?.size ?? 0;
    if (d > degree) {
      degree = d;
      mostConnected = id;
    }
    const group = model.groupOf.get(id);
    if (group) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const legend = [...counts].map(([name, tableCount]) => ({
    name,
    tableCount,
    color: model.colorOf.get(name) ?? 'transparent',
  }));
  return { mostConnected, legend };
}

export interface ErdViewProps {
  entityRef: CompoundEntityRef;
  erd: EntityErd;
  state: ErdViewState;
  onStateChange(patch: Partial<ErdViewState>): void;
}

const ErdViewBody = ({
  entityRef,
  erd: head,
  state,
  onStateChange,
}: ErdViewProps) => {
  const api = useApi(dbtErdApiRef);
  const theme = useTheme();
  // Comparing with another run: head plus the removed tables as ghosts, and the marks.
  const compare = useErdDiffOverlay(
    entityRef,
    head,
    state.compare,
    state.query,
  );
  const erd = compare.erd;
  const diffStyles = useDiffStyles();
  const [showInferred, setShowInferred] = useState<boolean>();
  const inferredByDefault = useMemo(() => showInferredByDefault(erd), [erd]);
  const inferredShown = showInferred ?? inferredByDefault;
  const drawnErd = useMemo(
    () => withInferred(erd, inferredShown),
    [erd, inferredShown],
  );
  const model = useMemo(() => buildErdModel(drawnErd), [drawnErd]);
  const searchIndex = useMemo(() => buildSearchIndex(erd), [erd]);
  const diagramRef = useRef<HTMLDivElement>(null);
  // The drawer renders in the click's own task: a focus large enough to
  // take time is laid out in the worker meanwhile (see SYNC_LAYERED_MAX).
  // Deferred, it rendered in 5 ms slices, restarted when the layout came.
  const drawerId =
    state.drawer && model.nodeById.has(state.drawer) ? state.drawer : undefined;
  const [pick, setPick] = useState<{
    tableId: string;
    column?: string;
    nonce: number;
  }>();

  const focus =
    state.focus && model.nodeById.has(state.focus) ? state.focus : undefined;
  // A join path from the drawer: the diagram shows its tables (or, without
  // a path, both tables' components) until the user focuses elsewhere.
  const [joinPath, setJoinPath] = useState<DiagramJoinPath>();
  const changesOnly = useMemo(
    () =>
      state.changesOnly && compare.marks
        ? changesWithNeighbours(model.adjacency, compare.marks.changedTables)
        : undefined,
    [model, state.changesOnly, compare.marks],
  );
  // A join path wins over focus, focus over "changes only".
  const only = joinPath?.tableIds ?? (focus ? undefined : changesOnly);
  const overview = isOverview(
    only?.size ?? erd.nodes.length,
    !!focus || !!joinPath,
  );
  const showMode = overview ? 'names' : state.showMode;
  const diagram = state.view === 'diagram';
  const aspectRatio = useCanvasAspectRatio(diagramRef, diagram);
  const {
    visibleIds,
    layout,
    flow: highlighted,
    // The view on screen, which while a focus is laid out is still the overview.
    overview: overviewShown,
    pending,
    error,
    workerError,
  } = useErdPipeline({
    model,
    only,
    focus,
    hops: state.hops,
    showMode,
    overview,
    aspectRatio,
    highlight: {
      focusId: joinPath ? undefined : focus,
      tableId: pick?.tableId,
      column: pick?.column,
      pathTableIds: joinPath?.highlightTableIds,
      pathEdgeIds: joinPath?.edgeIds,
    },
  });
  // Per shown set, not per focus: while a focus is laid out, the shown set
  // is still the whole project's.
  const { mostConnected, legend } = useMemo(
    () => firstViewHints(model, visibleIds),
    [model, visibleIds],
  );
  // A focused neighbourhood (or a join path) opens on its table.
  const startAt = joinPath?.fromId ?? focus ?? mostConnected;
  const flow = useMemo(
    () =>
      highlighted && compare.marks
        ? applyDiffMarks(highlighted, compare.marks)
        : highlighted,
    [highlighted, compare.marks],
  );

  // Someone is about to use the diagram (the pointer entered it, or focus
  // did): the focus UI's style sheets are mounted then, before any click,
  // and not while the first view is still being drawn.
  const [engaged, setEngaged] = useState(false);
  const engage = useCallback(() => setEngaged(true), []);

  const details = useTableDetailsLoader(entityRef, state.query, erd);
  // Asked for when the pointer goes down, the details travel while the
  // click's focus renders: asked for in the click, the request left only
  // after that render (fetchApi's middleware awaits), 45–90 ms later, and
  // its answer was the last thing a focus waited for.
  const prefetchDetails = useCallback(
    (tableId: string) => details.prefetch(tableId),
    [details],
  );
  const activate = useCallback(
    (tableId: string) => {
      // Without a pointer (Enter), or if the pointer-down asked already: free.
      details.prefetch(tableId);
      setJoinPath(undefined);
      onStateChange({ focus: tableId, drawer: tableId });
    },
    [details, onStateChange],
  );
  const changeState = useCallback(
    (patch: Partial<ErdViewState>) => {
      if ('focus' in patch) setJoinPath(undefined);
      onStateChange(patch);
    },
    [onStateChange],
  );

  // Read when a result is picked, so the search box need not render again
  // on every focus (see ErdToolbar).
  const pickContext = useRef({ visibleIds, view: state.view });
  pickContext.current = { visibleIds, view: state.view };
  const onPick = useCallback(
    (entry: SearchEntry) => {
      const { visibleIds: shown, view } = pickContext.current;
      if (!shown.has(entry.tableId)) onStateChange({ focus: entry.tableId });
      if (view === 'table') onStateChange({ view: 'diagram' });
      setPick(p => ({
        tableId: entry.tableId,
        column: entry.column,
        nonce: (p?.nonce ?? 0) + 1,
      }));
    },
    [onStateChange],
  );

  const onExportFile = useCallback(
    (format: ErdExportFormat) =>
      api.downloadExport(entityRef, format, state.query),
    [api, entityRef, state.query],
  );
  const exporter = useRef<DiagramExporter>();
  const onExportImage = useCallback(
    async (format: 'svg' | 'png') => {
      if (!exporter.current) throw new Error('no diagram is shown');
      await exporter.current.exportImage(
        format,
        entityRef.name,
        theme.palette.background.default,
      );
    },
    [entityRef.name, theme.palette.background.default],
  );

  // Elements kept while their inputs are: the memoised toolbar skips them.
  const search = useMemo(
    () => <ErdSearch index={searchIndex} onPick={onPick} />,
    [searchIndex, onPick],
  );
  const exportMenu = useMemo(
    () => (
      <ExportMenu
        onExportImage={diagram ? onExportImage : undefined}
        onExportFile={onExportFile}
      />
    ),
    [diagram, onExportImage, onExportFile],
  );
  const compareControl = useMemo(
    () => (
      <ErdCompareControl
        base={state.compare}
        changesOnly={state.changesOnly}
        loading={compare.loading}
        onChange={changeState}
      />
    ),
    [state.compare, state.changesOnly, compare.loading, changeState],
  );

  return (
    <ShowJoinPathContext.Provider value={setJoinPath}>
      <ErdToolbar
        view={state.view}
        showMode={state.showMode}
        showModeLocked={overview}
        query={state.query}
        search={search}
        exportMenu={exportMenu}
        compare={compareControl}
        onChange={changeState}
      />
      {focus && diagram && (
        <ErdFocusBar
          focusName={shortNameOf(model, focus) ?? focus}
          hops={state.hops}
          onChange={changeState}
        />
      )}
      {state.compare && compare.error && (
        <ErdCompareError base={state.compare} error={compare.error} />
      )}
      <InferredEdgesControl
        erd={erd}
        shown={inferredShown}
        onChange={setShowInferred}
      />
      {overview && diagram && (
        <Typography variant="body2" color="textSecondary" role="status">
          {`${erd.nodes.length} tables is more than ${OVERVIEW_THRESHOLD}: showing an overview by schema, names only, opened where names are readable. "Whole project" zooms out to every schema; search, or click a table to see it with its relationships.`}
        </Typography>
      )}
      {joinPath && (
        <JoinPathStatus
          model={model}
          path={joinPath}
          onLeave={() => setJoinPath(undefined)}
        />
      )}
      {workerError && (
        <Typography variant="body2" color="textSecondary" role="status">
          {`${workerError.message}. Laying out on the main thread instead: large diagrams may pause the page while they are laid out.`}
        </Typography>
      )}
      {erd.nodes.length === 0 && (
        <Typography variant="body2" role="status">
          No tables match. Check the filters, or the entity's dbt selection
          annotations.
        </Typography>
      )}
      {diagram ? (
        <div style={{ display: 'flex', gap: 8 }}>
          <div
            ref={diagramRef}
            onPointerEnter={engage}
            onFocus={engage}
            className={compare.marks ? diffStyles.canvas : undefined}
            style={{
              flex: 1,
              minWidth: 0,
              position: 'relative',
              height: 'calc(100vh - 400px)',
              minHeight: 480,
              border: `1px solid ${theme.palette.divider}`,
              borderRadius: 4,
              overflow: 'hidden',
            }}
          >
            {pending && (
              <LinearProgress
                aria-label="Laying out the diagram"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  zIndex: 5,
                }}
              />
            )}
            {error && !flow && (
              <Typography
                role="alert"
                color="error"
                style={{ padding: 16 }}
                data-testid="erd-layout-error"
              >
                {`The diagram could not be laid out: ${error.message}. The table view lists every table.`}
              </Typography>
            )}
            {/* While a layout is computed the pipeline holds the previous view,
                so the canvas stays mounted: remounting React Flow costs more
                than the layout. */}
            {flow && (
              <ErdDiagram
                nodes={flow.nodes}
                edges={flow.edges}
                overview={overviewShown && erd.nodes.length > 0}
                layoutKey={layoutKey(layout)}
                centreOn={pick}
                busy={pending}
                startAt={startAt}
                legend={legend}
                exporter={exporter}
                onTableActivate={activate}
                onTablePointerDown={prefetchDetails}
              />
            )}
          </div>
          {compare.diff && state.compare && (
            <ErdChangeList
              diff={compare.diff}
              nodes={model.nodeById}
              onFocus={tableId => changeState({ focus: tableId })}
              onDownload={format =>
                api.downloadErdDiff(
                  entityRef,
                  state.compare!,
                  format,
                  state.query,
                )
              }
            />
          )}
        </div>
      ) : (
        <ErdTableView erd={erd} />
      )}
      {engaged && <FocusStyleKeeper />}
      <TableDrawer
        details={details}
        model={model}
        tableId={drawerId}
        source={erd.source}
        onClose={() => onStateChange({ drawer: undefined })}
        onFocusTable={activate}
      />
    </ShowJoinPathContext.Provider>
  );
};

/**
 * The interactive ERD: toolbar, diagram (or table view) and table drawer.
 * Derives everything from the fetched ERD and the URL view state; the
 * heavy steps (model, search index, layout) are memoised per input.
 *
 * Memoised: when a change reaches the URL (useErdViewState writes it a
 * moment after the tab shows it), the whole page renders again with the
 * same state object. Rendered again, the tab redid its drawer and diagram
 * for nothing: up to 240 ms at 10,000 tables (a hub's drawer), in the idle
 * time a large focus's layout was using.
 */
export const ErdView = memo(ErdViewBody);
