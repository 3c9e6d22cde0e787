/**
 * The only place that knows how the worker is bundled. In this repository the
 * app's bundler (rspack/webpack 5) turns `new URL('./layout.worker.ts',
 * import.meta.url)` into a separate worker chunk. The published package has
 * no .ts files: its build (scripts/build-layout-worker.js) bundles the worker
 * into dist/layout/layout.worker.js and rewrites this reference to that
 * name, so an app's bundler emits it as a same-origin chunk (allowed by
 * Backstage's default content security policy, unlike a blob: URL).
 * Jest cannot parse `import.meta`, so setupTests mocks this module to return
 * undefined.
 */
export function createLayoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./layout.worker.ts', import.meta.url));
  } catch {
    return undefined;
  }
}
