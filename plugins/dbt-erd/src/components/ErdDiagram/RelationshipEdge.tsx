import { BaseEdge, EdgeProps, getBezierPath, useStore } from '@xyflow/react';
import { memo } from 'react';
import { INFERRED_DASH } from '../../graph/inferredEdges';
import { RelationshipFlowEdge } from '../../graph/toFlow';
import { CARDINALITY_ENDS, markerId } from './crowsFoot';
import { routedPath } from './routedPath';
import { useDiagramColors } from './useDiagramColors';
import { selectShowLabels } from './zoomTiers';

/**
 * A relationship from the FK column to the referenced column, with
 * crow's-foot ends: along the layout's route where it has one (clear of the
 * tables it does not join), otherwise a direct curve.
 */
export const RelationshipEdge = memo(
  (props: EdgeProps<RelationshipFlowEdge>) => {
    const {
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      data,
    } = props;
    const colors = useDiagramColors();
    const showLabel = useStore(selectShowLabels);
    const [path, labelX, labelY] = data?.route
      ? routedPath(
          { x: sourceX, y: sourceY, position: sourcePosition },
          data.route,
          { x: targetX, y: targetY, position: targetPosition },
        )
      : getBezierPath({
          sourceX,
          sourceY,
          sourcePosition,
          targetX,
          targetY,
          targetPosition,
        });
    if (!data) return null;
    const ends = CARDINALITY_ENDS[data.cardinality] ?? CARDINALITY_ENDS.n1;
    const highlighted = data.highlighted;
    return (
      <>
        <BaseEdge
          path={path}
          markerStart={`url(#${markerId(ends.from, highlighted)})`}
          markerEnd={`url(#${markerId(ends.to, highlighted)})`}
          style={{
            stroke: highlighted ? colors.highlight : colors.edge,
            strokeWidth: highlighted ? 2 : 1.25,
            strokeDasharray: data.inferred ? INFERRED_DASH : undefined,
          }}
        />
        {showLabel && data.label && (
          <text
            x={labelX}
            y={labelY - 4}
            textAnchor="middle"
            fontSize={10}
            fill={highlighted ? colors.highlight : colors.edgeLabel}
            stroke={colors.background}
            strokeWidth={3}
            paintOrder="stroke"
            className="erd-edge-label"
          >
            {data.label}
          </text>
        )}
      </>
    );
  },
);
