import { LayoutRequest } from './types';

/**
 * Routes as the worker sends them: aligned with the request's edges, so
 * that no edge id crosses the thread boundary twice (ids are long, the
 * routes a few numbers each). Edge i's bend points are
 * `coords[ends[i - 1] ?? 0 .. ends[i]]`, x and y interleaved; an edge
 * without a route has an empty range. Both buffers are transferred, not
 * copied.
 */
export interface RoutesMessage {
  ends: Uint32Array;
  coords: Int32Array;
}

export function encodeRoutes(
  edges: LayoutRequest['edges'],
  routes: ReadonlyMap<string, readonly number[]> | undefined,
): RoutesMessage {
  const ends = new Uint32Array(edges.length);
  let total = 0;
  edges.forEach(e => {
    total += routes?.get(e.id)?.length ?? 0;
  });
  const coords = new Int32Array(total);
  let at = 0;
  edges.forEach((e, i) => {
    const route = routes?.get(e.id);
    if (route) {
      coords.set(route, at);
      at += route.length;
    }
    ends[i] = at;
  });
  return { ends, coords };
}

export function decodeRoutes(
  edges: LayoutRequest['edges'],
  message: RoutesMessage,
): Map<string, number[]> | undefined {
  const routes = new Map<string, number[]>();
  let start = 0;
  edges.forEach((e, i) => {
    const end = message.ends[i];
    if (end > start)
      routes.set(e.id, Array.from(message.coords.subarray(start, end)));
    start = end;
  });
  return routes.size ? routes : undefined;
}
