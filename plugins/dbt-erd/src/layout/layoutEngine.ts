import { createLayoutWorker } from './createLayoutWorker';
import { dagreLayout } from './dagreLayout';
import { decodeRoutes, RoutesMessage } from './routesMessage';
import { LayoutEngine, LayoutRequest, LayoutResult } from './types';

/** The worker itself failed (as opposed to one layout throwing in it). */
export class LayoutWorkerError extends Error {
  name = 'LayoutWorkerError';
}

type Pending = {
  edges: LayoutRequest['edges'];
  resolve: (r: LayoutResult) => void;
  reject: (e: Error) => void;
};

/**
 * Layout in a Web Worker, so that dagre never blocks scrolling or typing.
 * A worker that fails (its script does not load, or it throws) fails every
 * request from then on, including ones sent after the failure: a failed
 * worker never answers, and a request that only waited would wait forever.
 */
class WorkerLayoutEngine implements LayoutEngine {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure?: LayoutWorkerError;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent) => {
      const { id, result, routes, error } = event.data as {
        id: number;
        result?: LayoutResult;
        routes?: RoutesMessage;
        error?: string;
      };
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (!p) return;
      if (error || !result) p.reject(new Error(error));
      else {
        const decoded = routes && decodeRoutes(p.edges, routes);
        p.resolve(decoded ? { ...result, routes: decoded } : result);
      }
    };
    worker.onerror = event => {
      event.preventDefault?.();
      this.fail(
        new LayoutWorkerError(
          `The layout worker failed${
            event.message ? `: ${event.message}` : ' to load'
          }`,
        ),
      );
    };
  }

  private fail(error: LayoutWorkerError) {
    this.failure ??= error;
    this.pending.forEach(p => p.reject(this.failure!));
    this.pending.clear();
  }

  layout(request: LayoutRequest): Promise<LayoutResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { edges: request.edges, resolve, reject });
      try {
        this.worker.postMessage({ id, request });
      } catch (e) {
        this.fail(new LayoutWorkerError(`The layout worker failed: ${e}`));
      }
    });
  }

  dispose() {
    this.worker.terminate();
    this.pending.clear();
  }
}

/**
 * Layout on the main thread, deferred to a macrotask so the caller's render
 * completes first. Used in tests, where workers are unavailable, and after
 * the worker failed; callers keep graphs sent here small (see
 * OVERVIEW_THRESHOLD).
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

export interface LayoutEngineOptions {
  /** Called once, when the worker fails and the main thread takes over. */
  onWorkerFailure?(error: Error): void;
  /** Where the worker comes from (tests pass one that fails). */
  createWorker?: () => Worker | undefined;
}

/** A worker when one can start; if it ever fails, the in-thread engine takes over. */
export function createLayoutEngine(
  options: LayoutEngineOptions = {},
): LayoutEngine {
  const fallback = new InThreadLayoutEngine();
  const worker = (options.createWorker ?? createLayoutWorker)();
  if (!worker) return fallback;
  let primary: LayoutEngine | undefined = new WorkerLayoutEngine(worker);
  return {
    layout: request =>
      primary
        ? primary.layout(request).catch((error: Error) => {
            // A layout that throws in the worker throws on the main thread too.
            if (!(error instanceof LayoutWorkerError)) throw error;
            if (primary) {
              primary.dispose();
              primary = undefined;
              options.onWorkerFailure?.(error);
            }
            return fallback.layout(request);
          })
        : fallback.layout(request),
    dispose: () => primary?.dispose(),
  };
}
