import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
} from 'react';
import { dbtErdApiRef, EntityErd, ErdExportFormat } from '../../api';
import { buildErdModel } from '../../graph/erdModel';
import { showInferredByDefault, withInferred } from '../../graph/inferredEdges';
import { InferredEdgesControl } from '../InferredEdges';
import { neighbourhood } from '../../graph/neighbourhood';
import { isOverview, OVERVIEW_THRESHOLD } from '../../graph/overview';
import { buildSearchIndex, SearchEntry } from '../../graph/searchIndex';
import { shortName } from '../../graph/shortName';
import { applyHighlight, buildLayoutRequest, toFlow } from '../../graph/toFlow';
import { useCanvasAspectRatio } from '../../hooks/useCanvasAspectRatio';
import { useErdLayout } from '../../hooks/useErdLayout';
import { ErdViewState } from '../../hooks/useErdViewState';
import { ErdDiagram } from '../ErdDiagram';
import { LegendEntry } from '../ErdDiagram/DiagramLegend';
import { ErdSearch } from '../ErdSearch';
import { ErdTableView } from '../ErdTableView';
import { ErdToolbar } from '../ErdToolbar';
import { ExportMenu } from '../ExportMenu';
import type { DiagramExporter } from '../ErdDiagram/ErdDiagram';
import { TableDrawer } from '../TableDrawer';

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

/** Where a partial first view opens (the focus, else the most connected table) and the legend's groups. */
function firstViewHints(
  model: ReturnType<typeof buildErdModel>,
  visibleIds: ReadonlySet<string>,
  focus: string | undefined,
): { startAt?: string; legend: LegendEntry[] } {
  let startAt: string | undefined;
  // A table joined to nothing is no better start than the top left.
  let degree = 0;
  const counts = new Map<string, number>();
  for (const id of visibleIds) {
    const d = model.adjacency.get(id)?.size ?? 0;
    if (d > degree) {
      degree = d;
      startAt = id;
    }
    const group = model.groupOf.get(id);
    if (group) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const legend = [...counts].map(([name, tableCount]) => ({
    name,
    tableCount,
    color: model.colorOf.get(name) ?? 'transparent',
  }));
  // A focused neighbourhood opens on the focused table.
  return { startAt: focus ?? startAt, legend };
}

export interface ErdViewProps {
  entityRef: CompoundEntityRef;
  erd: EntityErd;
  state: ErdViewState;
  onStateChange(patch: Partial<ErdViewState>): void;
}

/**
 * The interactive ERD: toolbar, diagram (or table view) and table drawer.
 * Derives everything from the fetched ERD and the URL view state; the
 * heavy steps (model, search index, layout) are memoised per input.
 */
export const ErdView = ({
  entityRef,
  erd,
  state,
  onStateChange,
}: ErdViewProps) => {
  const api = useApi(dbtErdApiRef);
  const theme = useTheme();
  const [showInferred, setShowInferred] = useState<boolean>();
  const inferredShown = showInferred ?? showInferredByDefault(erd);
  const drawnErd = useMemo(() => withInferred(erd, inferredShown), [erd, inferredShown]);
  const model = useMemo(() => buildErdModel(drawnErd), [drawnErd]);
  const searchIndex = useMemo(() => buildSearchIndex(erd), [erd]);
  const diagramRef = useRef<HTMLDivElement>(null);
  // The drawer renders just after the focused diagram, without holding up
  // that frame (its slide-in measures the page).
  const drawerParam =
    state.drawer && model.nodeById.has(state.drawer) ? state.drawer : undefined;
  const drawerId = useDeferredValue(drawerParam);
  const [pick, setPick] = useState<{
    tableId: string;
    column?: string;
    nonce: number;
  }>();

  const focus =
    state.focus && model.nodeById.has(state.focus) ? state.focus : undefined;
  const overview = isOverview(erd.nodes.length, !!focus);
  const showMode = overview ? 'names' : state.showMode;
  const visibleIds = useMemo(
    () =>
      focus
        ? neighbourhood(model.adjacency, focus, state.hops)
        : new Set(model.nodeById.keys()),
    [model, focus, state.hops],
  );
  const diagram = state.view === 'diagram';
  const aspectRatio = useCanvasAspectRatio(diagramRef, diagram);
  const request = useMemo(
    () =>
      aspectRatio === undefined
        ? undefined
        : buildLayoutRequest(model, visibleIds, showMode, true, aspectRatio),
    [model, visibleIds, showMode, aspectRatio],
  );
  const { layout, pending } = useErdLayout(
    request,
    overview ? 'grid' : 'layered',
  );
  const { startAt, legend } = useMemo(
    () => firstViewHints(model, visibleIds, focus),
    [model, visibleIds, focus],
  );
  const baseFlow = useMemo(
    () =>
      layout
        ? toFlow(model, visibleIds, layout, { showMode, drawEdges: !overview })
        : undefined,
    [model, visibleIds, layout, showMode, overview],
  );
  const flow = useMemo(
    () =>
      baseFlow &&
      applyHighlight(baseFlow, {
        focusId: focus,
        tableId: pick?.tableId,
        column: pick?.column,
      }),
    [baseFlow, focus, pick],
  );

  const activate = useCallback(
    (tableId: string) => onStateChange({ focus: tableId, drawer: tableId }),
    [onStateChange],
  );

  const onPick = useCallback(
    (entry: SearchEntry) => {
      if (!visibleIds.has(entry.tableId))
        onStateChange({ focus: entry.tableId });
      if (state.view === 'table') onStateChange({ view: 'diagram' });
      setPick(p => ({
        tableId: entry.tableId,
        column: entry.column,
        nonce: (p?.nonce ?? 0) + 1,
      }));
    },
    [visibleIds, onStateChange, state.view],
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

  return (
    <>
      <ErdToolbar
        view={state.view}
        showMode={state.showMode}
        showModeLocked={overview}
        focusName={focus ? shortNameOf(model, focus) : undefined}
        hops={state.hops}
        query={state.query}
        search={<ErdSearch index={searchIndex} onPick={onPick} />}
        exportMenu={
          <ExportMenu
            onExportImage={diagram ? onExportImage : undefined}
            onExportFile={onExportFile}
          />
        }
        onChange={onStateChange}
      />
      <InferredEdgesControl erd={erd} shown={inferredShown} onChange={setShowInferred} />
      {overview && diagram && (
        <Typography variant="body2" color="textSecondary" role="status">
          {`${erd.nodes.length} tables is more than ${OVERVIEW_THRESHOLD}: showing an overview by schema, names only, opened where names are readable. "Whole project" zooms out to every schema; search, or click a table to see it with its relationships.`}
        </Typography>
      )}
      {erd.nodes.length === 0 && (
        <Typography variant="body2" role="status">
          No tables match. Check the filters, or the entity's dbt selection
          annotations.
        </Typography>
      )}
      {diagram ? (
        <div
          ref={diagramRef}
          style={{
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
          {flow && (
            <ErdDiagram
              nodes={flow.nodes}
              edges={flow.edges}
              overview={overview && erd.nodes.length > 0}
              layoutKey={layoutKey(layout)}
              centreOn={pick}
              busy={pending}
              startAt={startAt}
              legend={legend}
              exporter={exporter}
              onTableActivate={activate}
            />
          )}
        </div>
      ) : (
        <ErdTableView erd={erd} />
      )}
      <TableDrawer
        entityRef={entityRef}
        query={state.query}
        model={model}
        tableId={drawerId}
        source={erd.source}
        onClose={() => onStateChange({ drawer: undefined })}
        onFocusTable={activate}
      />
    </>
  );
};
