import { createLayoutWorker } from './createLayoutWorker';
import { dagreLayout } from './dagreLayout';
import { LayoutEngine, LayoutRequest, LayoutResult } from './types';

type Pending = { resolve: (r: LayoutResult) => void; reject: (e: Error) => void };

/** Layout in a Web Worker, so that dagre never blocks scrolling or typing. */
class WorkerLayoutEngine implements LayoutEngine {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent) => {
      const { id, result, error } = event.data;
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (error) p?.reject(new Error(error));
      else p?.resolve(result);
    };
    worker.onerror = event => {
      const error = new Error(event.message || 'layout worker failed');
      this.pending.forEach(p => p.reject(error));
      this.pending.clear();
    };
  }

  layout(request: LayoutRequest): Promise<LayoutResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }

  dispose() {
    this.worker.terminate();
    this.pending.clear();
  }
}

/**
 * Layout on the main thread, deferred to a macrotask so the caller's render
 * completes first. Used in tests and where workers are unavailable; callers
 * keep graphs sent here small (see OVERVIEW_THRESHOLD).
 */
class InThreadLayoutEngine implements LayoutEngine {
  layout(request: LayoutRequest): Promise<LayoutResult> {
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(dagreLayout(request));
        } catch (e) {
          reject(e);
        }
      }, 0),
    );
  }

  dispose() {}
}

/** A worker when one can start; if it ever fails, the in-thread engine takes over. */
export function createLayoutEngine(): LayoutEngine {
  const fallback = new InThreadLayoutEngine();
  const worker = createLayoutWorker();
  if (!worker) return fallback;
  let primary: LayoutEngine | undefined = new WorkerLayoutEngine(worker);
  return {
    layout: request =>
      primary
        ? primary.layout(request).catch(() => {
            primary?.dispose();
            primary = undefined;
            return fallback.layout(request);
          })
        : fallback.layout(request),
    dispose: () => primary?.dispose(),
  };
}
