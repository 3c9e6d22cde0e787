import '@xyflow/react/dist/style.css';
import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  Node,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import Button from '@material-ui/core/Button';
import {
  KeyboardEvent,
  MutableRefObject,
  PointerEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ErdFlowEdge, ErdFlowNode } from '../../graph/toFlow';
import { CrowsFootMarkers } from './CrowsFootMarkers';
import { ExposureNode } from './ExposureNode';
import { GroupNode } from './GroupNode';
import { RelationshipEdge } from './RelationshipEdge';
import { TableNode } from './TableNode';
import { useTableNodeStyles } from './tableNodeStyles';
import { useDiagramColors } from './useDiagramColors';
import { intersects, selectOverviewWindow, windowRect } from './overviewWindow';
import { NODE_METRICS } from '../../graph/nodeSize';
import { boundsOf, readableViewport } from './readableView';
import { useTitleLevelOfDetail } from './useTitleLevelOfDetail';
import { exportScale, exportWholeDiagram } from '../ExportMenu/exportImage';

/** What the diagram offers its page: an image of all of it. */
export interface DiagramExporter {
  exportImage(
    format: 'svg' | 'png',
    fileBase: string,
    backgroundColor: string,
  ): Promise<void>;
}

const nextFrame = () => new Promise(resolve => requestAnimationFrame(resolve));
import { DiagramLegend, LegendEntry } from './DiagramLegend';

// Stable objects: React Flow warns (and re-renders) when these change.
const nodeTypes = {
  table: TableNode,
  erdGroup: GroupNode,
  exposure: ExposureNode,
};
const edgeTypes = { relationship: RelationshipEdge };
/** Frames a first fit waits for the canvas to be measured, at most. */
const MEASURE_FRAMES = 30;
const NO_NODES: ErdFlowNode[] = [];
const NO_EDGES: ErdFlowEdge[] = [];

/** Animate camera moves unless the user asked for reduced motion (or there is no way to ask: jsdom). */
function motionDuration(ms: number): number {
  const ok =
    typeof window !== 'undefined' &&
    window.matchMedia?.('(prefers-reduced-motion: no-preference)').matches;
  return ok ? ms : 0;
}

const MAX_ZOOM = 2;

/** Culling pays off only past a few dozen nodes; small diagrams render whole. */
const CULL_ABOVE = 60;

export interface ErdDiagramProps {
  nodes: ErdFlowNode[];
  edges: ErdFlowEdge[];
  /** Overview of a large project: when zoomed far out, show only group areas. */
  overview: boolean;
  /** Changes whenever a new layout should be fitted into view. */
  layoutKey: string;
  /** Table to centre on (search pick); `nonce` re-centres on the same table. */
  centreOn?: { tableId: string; nonce: number };
  /** A new layout is being computed: the view is not settled yet. */
  busy?: boolean;
  /**
   * Where a first view that cannot show everything legibly opens: the most
   * connected table.
   */
  startAt?: string;
  /** The groups and their colours, for the legend. */
  legend?: LegendEntry[];
  /** Filled with the whole-diagram image export while the diagram is mounted. */
  exporter?: MutableRefObject<DiagramExporter | undefined>;
  onTableActivate(tableId: string): void;
  /**
   * A pointer went down on a table: a click, which activates it, may
   * follow. What the activation needs from the network can be asked for
   * now, before the click's render.
   */
  onTablePointerDown?(tableId: string): void;
}

const ErdCanvas = (props: ErdDiagramProps) => {
  const {
    nodes,
    edges,
    overview,
    layoutKey,
    centreOn,
    busy,
    startAt,
    legend,
    exporter,
    onTableActivate,
    onTablePointerDown,
  } = props;
  const colors = useDiagramColors();
  const tableStyles = useTableNodeStyles();
  const flow = useReactFlow();
  const store = useStoreApi();
  const windowKey = useStore(selectOverviewWindow);

  // Overview of a large project: group areas when zoomed out, otherwise only
  // the tables near the view (see overviewWindow.ts).
  const groupNodes = useMemo(
    () => nodes.filter(n => n.type === 'erdGroup'),
    [nodes],
  );
  // While exporting an image, every node is drawn (no culling).
  const [exportAll, setExportAll] = useState(false);
  const shownNodes = useMemo(() => {
    if (!overview || exportAll) return nodes;
    const rect = windowRect(windowKey);
    if (!rect) return groupNodes;
    return nodes.filter(n => n.type === 'erdGroup' || intersects(rect, n));
  }, [overview, nodes, groupNodes, windowKey, exportAll]);
  const shownEdges = overview ? [] : edges;

  // One effect for both camera moves, so that a search pick that changes
  // the layout centres on the pick instead of being undone by the fit.
  const done = useRef<{ layoutKey?: string; nonce?: number }>({});
  // The layout last fitted into view; with no layout pending, the view is
  // settled (data-settled, which the browser bench and tests wait for).
  const [fittedKey, setFittedKey] = useState<string>();
  // The first view shows only part of the diagram, at a readable size.
  const [partial, setPartial] = useState(false);
  useLayoutEffect(() => {
    const pick = centreOn && nodes.find(n => n.id === centreOn.tableId);
    const centre = pick && done.current.nonce !== centreOn!.nonce;
    // No layout yet (the canvas kept, empty, while one is computed): nothing
    // to fit. A fitView now would wait for the coming nodes and undo the
    // readable view fitted for them.
    const fit = !!layoutKey && done.current.layoutKey !== layoutKey;
    if (!centre && !fit) return undefined;
    const move = () => {
      done.current = {
        layoutKey,
        nonce: centre ? centreOn!.nonce : done.current.nonce,
      };
      if (centre) {
        flow.setCenter(
          pick.position.x + (pick.width ?? 0) / 2,
          pick.position.y + (pick.height ?? 0) / 2,
          {
            zoom: Math.max(flow.getZoom(), 0.9),
            duration: motionDuration(300),
          },
        );
        setFittedKey(layoutKey);
        return;
      }
      const { width, height } = store.getState();
      const rect = (n: ErdFlowNode) => ({
        x: n.position.x,
        y: n.position.y,
        width: n.width ?? 0,
        height: n.height ?? 0,
      });
      const bounds = boundsOf(nodes.map(rect));
      const start = startAt ? nodes.find(n => n.id === startAt) : undefined;
      const readable =
        bounds && width > 0 && height > 0
          ? readableViewport(
              bounds,
              start && rect(start),
              { width, height },
              {
                titleFontPx: NODE_METRICS.titleFontPx,
                maxZoom: MAX_ZOOM,
                levelOfDetail: !overview,
              },
            )
          : undefined;
      // From our own nodes: React Flow has not been given them yet. An
      // unmeasured canvas (none in jsdom) cannot be fitted to: React Flow's
      // fitView waits for it and for the nodes, then fits. With no nodes
      // (an empty diagram) there is nothing to fit, and a waiting fitView
      // would fire on the next layout's nodes, after its own fit.
      if (readable) flow.setViewport(readable, { duration: 0 });
      else if (bounds && width > 0 && height > 0)
        flow.fitBounds(bounds, { padding: 0.1, duration: 0 });
      else if (bounds) flow.fitView({ padding: 0.1, duration: 0 });
      setPartial(!!readable);
      setFittedKey(layoutKey);
    };
    // A new layout is fitted before its nodes reach React Flow (see
    // `unfitted`), so they are drawn once, in their view and culled to
    // it, in the same frame. Only on the first mount, before the zoom
    // pane and the canvas size are known, does the move wait a frame.
    const measured = () => {
      const { panZoom, width, height } = store.getState();
      return !!panZoom && width > 0 && height > 0;
    };
    if (!centre && measured()) {
      move();
      return undefined;
    }
    // The canvas can take a few frames to be measured (React Flow's
    // ResizeObserver): a readable view needs its size, so wait for it, a
    // bounded number of frames.
    let framesLeft = MEASURE_FRAMES;
    let frame = requestAnimationFrame(function waitForCanvas() {
      framesLeft -= 1;
      if (centre || measured() || framesLeft <= 0) move();
      else frame = requestAnimationFrame(waitForCanvas);
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, store, layoutKey, centreOn, nodes, startAt, overview]);
  const unfitted = fittedKey !== layoutKey;
  // Culling stays on while React Flow still holds a large diagram: it takes
  // new nodes in an effect, after the render that hands them over, so
  // turning culling off in that render (a small diagram, or the overview's
  // few group areas next) would first draw every node it still holds.
  const holdsMany = useStore(s => s.nodeLookup.size > CULL_ABOVE);
  const cull = !exportAll && (shownNodes.length > CULL_ABOVE || holdsMany);

  const showWhole = useCallback(() => {
    flow.fitView({ padding: 0.1, duration: motionDuration(300) });
    setPartial(false);
  }, [flow]);

  const onNodeClick = useCallback(
    (_: unknown, node: Node) => {
      if (node.type === 'table') onTableActivate(node.id);
    },
    [onTableActivate],
  );

  // React Flow makes nodes focusable; Enter on a focused table opens it.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const target = event.target as HTMLElement;
      if (
        event.key === 'Enter' &&
        target.classList.contains('react-flow__node-table')
      ) {
        const id = target.getAttribute('data-id');
        if (id) onTableActivate(id);
      }
    },
    [onTableActivate],
  );

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      if (!onTablePointerDown || event.button > 0) return;
      const id = (event.target as Element)
        .closest?.('.react-flow__node-table')
        ?.getAttribute('data-id');
      if (id) onTablePointerDown(id);
    },
    [onTablePointerDown],
  );

  // The group's colour, as on the table headers and in the legend.
  const minimapColor = useCallback(
    (node: Node) =>
      node.type === 'erdGroup'
        ? colors.group
        : (node.data as { color?: string }).color ?? colors.edge,
    [colors],
  );
  const tableCount = useMemo(
    () => nodes.filter(n => n.type === 'table').length,
    [nodes],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  useTitleLevelOfDetail(rootRef);

  // The whole diagram as an image: every table drawn, at zoom 1 (columns
  // shown), captured, then the view put back.
  useEffect(() => {
    if (!exporter) return undefined;
    exporter.current = {
      async exportImage(format, fileBase, backgroundColor) {
        const bounds = boundsOf(
          nodes.map(n => ({
            x: n.position.x,
            y: n.position.y,
            width: n.width ?? 0,
            height: n.height ?? 0,
          })),
        );
        const viewport = rootRef.current?.querySelector<HTMLElement>(
          '.react-flow__viewport',
        );
        if (!bounds || !viewport) throw new Error('no diagram is shown');
        const scale = exportScale(bounds, format, tableCount);
        const before = flow.getViewport();
        setExportAll(true);
        await flow.setViewport({ x: 0, y: 0, zoom: 1 });
        try {
          // Until React Flow has drawn every table (at most ~2 s).
          for (let i = 0; i < 120; i++) {
            await nextFrame();
            if (
              viewport.querySelectorAll('[data-testid="erd-node"]').length >=
              tableCount
            )
              break;
          }
          await exportWholeDiagram(
            viewport,
            bounds,
            scale,
            format,
            fileBase,
            backgroundColor,
          );
        } finally {
          setExportAll(false);
          await flow.setViewport(before);
        }
      },
    };
    return () => {
      exporter.current = undefined;
    };
  }, [exporter, nodes, flow, tableCount]);

  return (
    <div
      ref={rootRef}
      className={tableStyles.root}
      style={{ width: '100%', height: '100%' }}
      onKeyDownCapture={onKeyDown}
      onPointerDownCapture={onPointerDown}
      data-testid="erd-diagram"
      data-settled={!busy && fittedKey === layoutKey}
      // Tables in the layout, drawn or culled (a partial view draws fewer).
      data-table-count={tableCount}
    >
      <ReactFlow
        nodes={unfitted ? NO_NODES : shownNodes}
        edges={unfitted ? NO_EDGES : shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        colorMode={colors.dark ? 'dark' : 'light'}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        onlyRenderVisibleElements={cull}
        minZoom={0.02}
        maxZoom={MAX_ZOOM}
        defaultViewport={{ x: 0, y: 0, zoom: overview ? 0.05 : 1 }}
        aria-label="Entity-relationship diagram"
        style={{ background: colors.background }}
      >
        <CrowsFootMarkers color={colors.edge} highlight={colors.highlight} />
        <Background color={colors.border} gap={24} />
        <Controls showInteractive={false} aria-label="Zoom controls" />
        <Panel position="top-right" className={tableStyles.panelStack}>
          {partial && (
            <Button
              variant="contained"
              size="small"
              color="primary"
              onClick={showWhole}
              data-testid="erd-whole-project"
              title="Zoom out to every table (names get small); the minimap shows where you are"
            >
              {`Whole project (${tableCount} tables)`}
            </Button>
          )}
          {legend && legend.length > 0 && <DiagramLegend entries={legend} />}
        </Panel>
        <MiniMap
          pannable
          zoomable
          ariaLabel="Mini map"
          nodeColor={minimapColor}
          maskColor={colors.dark ? 'rgba(0,0,0,0.6)' : 'rgba(240,240,240,0.6)'}
          style={{ background: colors.paper }}
        />
      </ReactFlow>
    </div>
  );
};

/** The React Flow canvas: tables, relationships, exposures, group areas, minimap and zoom controls. */
export const ErdDiagram = (props: ErdDiagramProps) => (
  <ReactFlowProvider>
    <ErdCanvas {...props} />
  </ReactFlowProvider>
);
