import { Position } from '@xyflow/react';

/** Where a line leaves or enters a table: a column handle and its side. */
export interface RouteEnd {
  x: number;
  y: number;
  position: Position;
}

/**
 * How far a line runs straight out of a handle before it bends, so that
 * the crow's-foot marks sit flat against the table as on the default edge.
 */
export const ROUTE_STUB = 16;

/** Which way each side faces. */
const FACING: Record<Position, [number, number]> = {
  [Position.Left]: [-1, 0],
  [Position.Right]: [1, 0],
  [Position.Top]: [0, -1],
  [Position.Bottom]: [0, 1],
};

const outOf = (end: RouteEnd): [number, number] => {
  const [dx, dy] = FACING[end.position];
  return [end.x + dx * ROUTE_STUB, end.y + dy * ROUTE_STUB];
};

/**
 * A bend level with the handle, under the route's first (or last) point:
 * dagre's points sit between the columns of tables, and a line that ran
 * straight from a column handle to one of them would cut across the
 * corner of a table above or below in the same column. Level with the
 * handle the line stays in the handle's row until it is out of the
 * column. None when the point is not ahead of the handle's side.
 */
function corner(
  end: RouteEnd,
  bend: [number, number] | undefined,
): Array<[number, number]> {
  if (!bend) return [];
  const [stubX] = outOf(end);
  const ahead =
    end.position === Position.Right
      ? bend[0] > stubX
      : end.position === Position.Left && bend[0] < stubX;
  return ahead && bend[1] !== end.y ? [[bend[0], end.y]] : [];
}

const n = (v: number) => Math.round(v * 10) / 10;

/**
 * An SVG path from the source handle through the layout's bend points
 * (`route`: x and y interleaved, see LayoutResult.routes) to the target
 * handle. Each piece between two points is the cubic Bézier of a
 * Catmull-Rom spline: the curve passes through every point, with the
 * tangent at a point parallel to the line between its neighbours, so it
 * follows the route dagre kept clear of other tables without the corners
 * of a polyline. Returns the path and where its label goes (the middle
 * bend point).
 */
export function routedPath(
  source: RouteEnd,
  route: readonly number[],
  target: RouteEnd,
): [path: string, labelX: number, labelY: number] {
  const bends: Array<[number, number]> = [];
  for (let i = 0; i + 1 < route.length; i += 2)
    bends.push([route[i], route[i + 1]]);
  const points: Array<[number, number]> = [
    [source.x, source.y],
    outOf(source),
    ...corner(source, bends[0]),
    ...bends,
    ...corner(target, bends[bends.length - 1]),
    outOf(target),
    [target.x, target.y],
  ];

  let path = `M${n(points[0][0])},${n(points[0][1])}`;
  for (let i = 0; i + 1 < points.length; i++) {
    const before = points[Math.max(0, i - 1)];
    const from = points[i];
    const to = points[i + 1];
    const after = points[Math.min(points.length - 1, i + 2)];
    path += `C${n(from[0] + (to[0] - before[0]) / 6)},${n(
      from[1] + (to[1] - before[1]) / 6,
    )},${n(to[0] - (after[0] - from[0]) / 6)},${n(
      to[1] - (after[1] - from[1]) / 6,
    )},${n(to[0])},${n(to[1])}`;
  }
  const middle = route.length ? Math.floor((route.length / 2 - 1) / 2) * 2 : -1;
  const label: [number, number] =
    middle >= 0
      ? [route[middle], route[middle + 1]]
      : [(source.x + target.x) / 2, (source.y + target.y) / 2];
  return [path, label[0], label[1]];
}
