import { EndSymbol, markerId } from './crowsFoot';

/*
 * Marker geometry: 24 units long, the table's edge at x = 24 (refX), the
 * line arriving from x = 0. `auto-start-reverse` mirrors the same shape at
 * the start of a path, so one definition serves both ends.
 */
const SHAPES: Record<EndSymbol, JSX.Element> = {
  one: <path d="M14,2 V14 M19,2 V14" />,
  zeroOrOne: <path d="M19,2 V14 M4,8 a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0" />,
  oneOrMany: <path d="M10,2 V14 M12,8 L24,1 M12,8 L24,8 M12,8 L24,15" />,
  zeroOrMany: (
    <path d="M2,8 a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 M12,8 L24,1 M12,8 L24,8 M12,8 L24,15" />
  ),
};

/** SVG defs of the crow's-foot end markers, in the normal and highlighted colours. */
export const CrowsFootMarkers = ({
  color,
  highlight,
}: {
  color: string;
  highlight: string;
}) => (
  <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true">
    <defs>
      {[false, true].flatMap(highlighted =>
        (Object.keys(SHAPES) as EndSymbol[]).map(symbol => (
          <marker
            key={markerId(symbol, highlighted)}
            id={markerId(symbol, highlighted)}
            viewBox="0 0 24 16"
            refX={24}
            refY={8}
            markerWidth={24}
            markerHeight={16}
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <g
              fill="none"
              stroke={highlighted ? highlight : color}
              strokeWidth={1.5}
            >
              {SHAPES[symbol]}
            </g>
          </marker>
        )),
      )}
    </defs>
  </svg>
);
