/**
 * Bundled and run by crossings.js. `@erd/` is the dbt-erd plugin's src of
 * the code under test (this checkout, or another one for a before figure);
 * the line drawing (routedPath, React Flow's bezier) is always this one's.
 */
/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { getBezierPath, Position } from '@xyflow/system';
import { buildErd } from 'backstage-plugin-dbt-erd-common';
import { buildErdModel } from '@erd/graph/erdModel';
import { tableSizes, NODE_METRICS } from '@erd/graph/nodeSize';
import { toFlow, TableFlowNode } from '@erd/graph/toFlow';
import { showInferredByDefault, withInferred } from '@erd/graph/inferredEdges';
import { dagreLayout } from '@erd/layout/dagreLayout';
import { buildLayoutRequest } from '@erd/hooks/layoutRequest';
import { routedPath } from '../../plugins/dbt-erd/src/components/ErdDiagram/routedPath';

type Rect = { x: number; y: number; width: number; height: number };
type Pt = [number, number];

/** Where React Flow puts a handle: on the table's side, at its row's centre. */
function handlePoint(
  node: TableFlowNode,
  handle: string,
): Pt & { side?: 'l' | 'r' } {
  const side = handle.slice(-1) as 'l' | 'r';
  let y = NODE_METRICS.headerHeight / 2;
  if (handle.startsWith('col:')) {
    const name = handle.slice(4, -2);
    const index = node.data.columns.findIndex(
      c => c.name.toLowerCase() === name,
    );
    y =
      NODE_METRICS.headerHeight +
      index * NODE_METRICS.rowHeight +
      NODE_METRICS.rowHeight / 2;
  }
  const x = node.position.x + (side === 'r' ? node.width! : 0);
  return [x, node.position.y + y];
}

/** Points along an SVG path of M and C commands (what both line kinds draw). */
function sample(d: string): Pt[] {
  const numbers = d.match(/-?\d*\.?\d+(e-?\d+)?/g)!.map(Number);
  let from: Pt = [numbers[0], numbers[1]];
  const out: Pt[] = [from];
  for (let i = 2; i + 5 < numbers.length; i += 6) {
    const [x1, y1, x2, y2, x, y] = numbers.slice(i, i + 6);
    const length = Math.hypot(x - from[0], y - from[1]) + 1;
    const steps = Math.min(200, Math.max(10, Math.ceil(length / 4)));
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      const u = 1 - t;
      out.push([
        u ** 3 * from[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x,
        u ** 3 * from[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y,
      ]);
    }
    from = [x, y];
  }
  return out;
}

const inside = (r: Rect, [x, y]: Pt, pad: number) =>
  x > r.x - pad &&
  x < r.x + r.width + pad &&
  y > r.y - pad &&
  y < r.y + r.height + pad;

export function measure(dir: string) {
  const read = (f: string) =>
    fs.existsSync(path.join(dir, f))
      ? JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))
      : undefined;
  const { erd } = buildErd({
    manifest: read('manifest.json'),
    catalog: read('catalog.json'),
  });
  const model = buildErdModel(withInferred(erd, showInferredByDefault(erd)));
  const all = new Set(model.nodeById.keys());
  const sizes = tableSizes(model, all, 'all');
  const began = performance.now();
  const layout = dagreLayout(
    buildLayoutRequest(model, sizes, true, 1126 / 498),
  );
  const layoutMs = performance.now() - began;
  const flow = toFlow(model, all, layout, sizes, {
    showMode: 'all',
    drawEdges: true,
  });
  const tables = new Map(
    flow.nodes
      .filter(n => n.type === 'table')
      .map(n => [n.id, n as TableFlowNode]),
  );
  const rects = new Map(
    [...tables].map(([id, n]) => [
      id,
      { ...n.position, width: n.width!, height: n.height! },
    ]),
  );
  let overlaps = 0;
  const list = [...rects.values()];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i];
      const b = list[j];
      if (
        a.x < b.x + b.width - 1 &&
        b.x < a.x + a.width - 1 &&
        a.y < b.y + b.height - 1 &&
        b.y < a.y + a.height - 1
      )
        overlaps++;
    }
  let edges = 0;
  let routed = 0;
  let crossings = 0;
  for (const edge of flow.edges) {
    if (edge.type !== 'relationship') continue;
    const source = tables.get(edge.source);
    const target = tables.get(edge.target);
    if (!source || !target) continue;
    edges++;
    const s = handlePoint(source, edge.sourceHandle!);
    const t = handlePoint(target, edge.targetHandle!);
    const sp = edge.sourceHandle!.endsWith('r')
      ? Position.Right
      : Position.Left;
    const tp = edge.targetHandle!.endsWith('r')
      ? Position.Right
      : Position.Left;
    const route = edge.data?.route;
    if (route) routed++;
    const [d] = route
      ? routedPath({ x: s[0], y: s[1], position: sp }, route, {
          x: t[0],
          y: t[1],
          position: tp,
        })
      : getBezierPath({
          sourceX: s[0],
          sourceY: s[1],
          sourcePosition: sp,
          targetX: t[0],
          targetY: t[1],
          targetPosition: tp,
        });
    const points = sample(d);
    const crossed = new Set<string>();
    for (const p of points.slice(1, -1))
      for (const [id, r] of rects)
        if (id !== edge.source && id !== edge.target && inside(r, p, -1))
          crossed.add(id);
    crossings += crossed.size;
    if (process.env.CROSSINGS_DEBUG && crossed.size)
      console.log(
        JSON.stringify({
          edge: edge.id.slice(0, 60),
          s,
          t,
          sh: edge.sourceHandle,
          th: edge.targetHandle,
          route,
          crossed: [...crossed].map(id => [id, rects.get(id)]),
          src: rects.get(edge.source),
          dst: rects.get(edge.target),
        }),
      );
  }
  const right = Math.max(...list.map(r => r.x + r.width));
  const bottom = Math.max(...list.map(r => r.y + r.height));
  return {
    extent: `${Math.round(right)}×${Math.round(bottom)}`,
    tables: tables.size,
    edges,
    routed,
    crossings,
    overlaps,
    layoutMs: Math.round(layoutMs),
  };
}

for (const dir of process.argv.slice(2)) {
  try {
    console.log(
      JSON.stringify({ project: path.basename(dir), ...measure(dir) }),
    );
  } catch (e) {
    console.log(
      JSON.stringify({ project: path.basename(dir), error: String(e) }),
    );
  }
}
