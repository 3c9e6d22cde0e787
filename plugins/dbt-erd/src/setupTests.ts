import '@testing-library/jest-dom';

// The worker module uses `import.meta`, which jest's CommonJS transform
// cannot parse; tests lay out in-thread instead (see layoutEngine.ts).
jest.mock('./layout/createLayoutWorker', () => ({
  createLayoutWorker: () => undefined,
}));

/*
 * React Flow measures with ResizeObserver, DOMMatrixReadOnly and element
 * sizes, none of which jsdom implements (https://reactflow.dev/learn/advanced-use/testing).
 */
class ResizeObserverShim {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [{ target } as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyShim {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

Object.assign(globalThis, {
  ResizeObserver: globalThis.ResizeObserver ?? ResizeObserverShim,
  DOMMatrixReadOnly: globalThis.DOMMatrixReadOnly ?? DOMMatrixReadOnlyShim,
});

// Pixel sizes from inline styles (React Flow sizes nodes so); anything else,
// such as the canvas's `100%`, measures as a 1200×800 screen.
const pixels = (value: string, fallback: number) =>
  value.endsWith('px') ? parseFloat(value) : fallback;

Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get() {
      return pixels(this.style.height, 800);
    },
  },
  offsetWidth: {
    configurable: true,
    get() {
      return pixels(this.style.width, 1200);
    },
  },
});

(SVGElement.prototype as any).getBBox = () => ({
  x: 0,
  y: 0,
  width: 0,
  height: 0,
});
