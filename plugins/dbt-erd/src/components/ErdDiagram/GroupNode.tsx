import { NodeProps, useStore } from '@xyflow/react';
import { memo } from 'react';
import { GroupFlowNode } from '../../graph/toFlow';
import { groupLabel } from '../../layout/packedLayout';
import { GROUP } from './tableNodeStyles';

/** Labels stay readable when zoomed far out: they grow as the zoom shrinks. */
const selectLabelScale = (s: { transform: [number, number, number] }) =>
  Math.max(1, Math.round((0.8 / s.transform[2]) * 4) / 4);

/** A labelled area behind the tables of one schema (or `entityGroup` group). */
export const GroupNode = memo(({ data }: NodeProps<GroupFlowNode>) => {
  const scale = useStore(selectLabelScale);
  return (
    <div
      className={GROUP.area}
      style={
        data.color ? { borderColor: data.color, borderWidth: 2 } : undefined
      }
      data-testid="erd-group"
      aria-label={`Group ${data.name}`}
    >
      <div className={GROUP.label} style={{ fontSize: 13 * scale }}>
        {groupLabel(data.name, data.tableCount)}
      </div>
    </div>
  );
});
