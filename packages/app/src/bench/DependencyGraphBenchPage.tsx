import { decodeTabErd } from 'backstage-plugin-dbt-erd-common';
import { DependencyGraph, Progress } from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The part of the backend's ERD response this page needs. */
interface ErdShape {
  nodes: Array<{ id: string }>;
  edges: Array<{ from_id: string; to_id: string }>;
}

/**
 * Marks the wrapper `data-settled="true"` once DependencyGraph shows every
 * node: it hides its SVG (`visibility: hidden`) until its own layout
 * settles, so "visible and all nodes drawn" is its settled render. Polled
 * once a frame, which costs nothing next to the graph's own work.
 */
function useSettledMarker(
  wrapper: React.RefObject<HTMLDivElement>,
  nodeCount: number | undefined,
) {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (nodeCount === undefined || settled) return undefined;
    let frame = 0;
    const check = () => {
      const root = wrapper.current;
      const svg = root?.querySelector('svg');
      const shown = svg && getComputedStyle(svg).visibility === 'visible';
      const drawn = root?.querySelectorAll('[data-testid="node"]').length ?? 0;
      if (shown && drawn >= nodeCount) setSettled(true);
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [wrapper, nodeCount, settled]);
  return settled;
}

/**
 * Dev-app-only peer for the browser bench (bench/browser/run.js): the same
 * entity's ERD, as Backstage's own DependencyGraph draws it (tables as
 * nodes, relationships as edges). `?entity=<component name>`.
 */
export const DependencyGraphBenchPage = () => {
  const [params] = useSearchParams();
  const entity = params.get('entity') ?? 'bench-500';
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [erd, setErd] = useState<ErdShape>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    let current = true;
    (async () => {
      const base = await discoveryApi.getBaseUrl('dbt-erd');
      const response = await fetchApi.fetch(
        `${base}/entities/default/component/${encodeURIComponent(entity)}/erd`,
      );
      if (!response.ok)
        throw new Error(`ERD request failed: ${response.status}`);
      // The tab's compact encoding, decoded as the ERD tab does.
      return decodeTabErd(await response.json()) as ErdShape;
    })().then(
      value => current && setErd(value),
      e => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [discoveryApi, fetchApi, entity]);

  const graph = useMemo(() => {
    if (!erd) return undefined;
    const ids = new Set(erd.nodes.map(n => n.id));
    return {
      nodes: erd.nodes.map(n => ({ id: n.id })),
      // Self-references and edges to filtered-out tables cannot be drawn.
      edges: erd.edges
        .filter(
          e => e.from_id !== e.to_id && ids.has(e.from_id) && ids.has(e.to_id),
        )
        .map(e => ({ from: e.from_id, to: e.to_id })),
    };
  }, [erd]);

  const wrapper = useRef<HTMLDivElement>(null);
  const settled = useSettledMarker(wrapper, graph?.nodes.length);

  if (error) return <div role="alert">{error.message}</div>;
  if (!graph) return <Progress />;
  return (
    <div
      ref={wrapper}
      data-testid="dependency-graph-bench"
      data-settled={settled || undefined}
      data-node-count={graph.nodes.length}
      style={{ height: 'calc(100vh - 120px)' }}
    >
      <DependencyGraph
        nodes={graph.nodes}
        edges={graph.edges}
        direction="LR"
        fit="contain"
      />
    </div>
  );
};
