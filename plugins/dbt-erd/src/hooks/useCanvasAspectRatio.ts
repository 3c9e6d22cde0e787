import { RefObject, useLayoutEffect, useState } from 'react';
import { DEFAULT_ASPECT_RATIO } from '../layout/packedLayout';

/**
 * The shape (width / height) of the element the diagram is drawn in,
 * measured once it is mounted, before the first paint, so the first layout
 * is already packed to the canvas. Undefined until then; without a size
 * (jsdom) the default shape.
 */
export function useCanvasAspectRatio(
  ref: RefObject<HTMLElement>,
  mounted: boolean,
): number | undefined {
  const [ratio, setRatio] = useState<number>();
  useLayoutEffect(() => {
    if (!mounted || ratio !== undefined) return;
    const width = ref.current?.clientWidth ?? 0;
    const height = ref.current?.clientHeight ?? 0;
    // Rounded: a slightly different window must not mean a new layout.
    setRatio(
      width > 0 && height > 0
        ? Math.round((width / height) * 10) / 10
        : DEFAULT_ASPECT_RATIO,
    );
  }, [ref, mounted, ratio]);
  return ratio;
}
