/* eslint-disable no-restricted-globals */
import { dagreLayout } from './dagreLayout';
import { LayoutRequest } from './types';

/** Runs dagre off the main thread; one reply per request, tagged with its id. */
self.onmessage = (
  event: MessageEvent<{ id: number; request: LayoutRequest }>,
) => {
  const { id, request } = event.data;
  try {
    (self as unknown as Worker).postMessage({
      id,
      result: dagreLayout(request),
    });
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) });
  }
};
