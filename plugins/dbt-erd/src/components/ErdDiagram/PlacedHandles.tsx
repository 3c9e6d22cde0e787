import { Handle, Position } from '@xyflow/react';
import { HandlePlacement } from '../../graph/handles';
import { TABLE } from './tableNodeStyles';

/** A node's handles, drawn where toFlow declared them (see declaredHandles); users cannot connect them. */
export const PlacedHandles = ({
  placements,
}: {
  placements: readonly HandlePlacement[];
}) => (
  <>
    {placements.map(h => (
      <Handle
        key={h.id}
        type="source"
        position={h.side === 'l' ? Position.Left : Position.Right}
        id={h.id}
        className={TABLE.handle}
        style={{ top: h.top }}
        isConnectable={false}
      />
    ))}
  </>
);
