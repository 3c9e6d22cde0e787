import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, but a change shows only after the next frame has been painted,
 * as a transition. The table drawer opens with a focus: rendered in the
 * same task as the focused diagram, its slide-in (which measures the page)
 * and its content made that task long; after the paint, the focused
 * diagram is on screen first and the drawer's render yields to input.
 * (useDeferredValue does not defer inside a transition, which a focus is.)
 */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timeout from an animation frame runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
