/* eslint-disable no-restricted-globals */
import { dagreLayout } from './dagreLayout';
import { encodeRoutes } from './routesMessage';
import { LayoutRequest } from './types';

/**
 * Runs dagre off the main thread; one reply per request, tagged with its
 * id. Routes travel aligned with the request's edges (see RoutesMessage).
 */
self.onmessage = (
  event: MessageEvent<{ id: number; request: LayoutRequest }>,
) => {
  const { id, request } = event.data;
  try {
    const { routes, ...result } = dagreLayout(request);
    const message = encodeRoutes(request.edges, routes);
    (self as unknown as Worker).postMessage({ id, result, routes: message }, [
      message.ends.buffer,
      message.coords.buffer,
    ]);
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) });
  }
};
