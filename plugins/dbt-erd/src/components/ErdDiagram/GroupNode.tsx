import { NodeProps, useStore } from '@xyflow/react';
import { makeStyles } from '@material-ui/core/styles';
import { memo } from 'react';
import { GroupFlowNode } from '../../graph/toFlow';
import { groupLabel } from '../../layout/packedLayout';

const useStyles = makeStyles(theme => ({
  group: {
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    border: `1px dashed ${theme.palette.divider}`,
    borderRadius: 10,
    background:
      theme.palette.type === 'dark'
        ? 'rgba(255,255,255,0.035)'
        : 'rgba(0,0,0,0.025)',
    pointerEvents: 'none',
  },
  label: {
    position: 'absolute',
    top: 6,
    left: 12,
    color: theme.palette.text.secondary,
    fontFamily: theme.typography.fontFamily,
    fontWeight: 600,
    whiteSpace: 'nowrap',
    transformOrigin: 'top left',
  },
}));

/** Labels stay readable when zoomed far out: they grow as the zoom shrinks. */
const selectLabelScale = (s: { transform: [number, number, number] }) =>
  Math.max(1, Math.round((0.8 / s.transform[2]) * 4) / 4);

/** A labelled area behind the tables of one schema (or `entityGroup` group). */
export const GroupNode = memo(({ data }: NodeProps<GroupFlowNode>) => {
  const classes = useStyles();
  const scale = useStore(selectLabelScale);
  return (
    <div
      className={classes.group}
      style={
        data.color ? { borderColor: data.color, borderWidth: 2 } : undefined
      }
      data-testid="erd-group"
      aria-label={`Group ${data.name}`}
    >
      <div className={classes.label} style={{ fontSize: 13 * scale }}>
        {groupLabel(data.name, data.tableCount)}
      </div>
    </div>
  );
});
