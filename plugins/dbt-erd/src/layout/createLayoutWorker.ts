/**
 * The only place that knows how the worker is bundled (rspack/webpack turn
 * this `new URL(..., import.meta.url)` into a separate chunk). Jest cannot
 * parse `import.meta`, so setupTests mocks this module to return undefined.
 */
export function createLayoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./layout.worker.ts', import.meta.url));
  } catch {
    return undefined;
  }
}
