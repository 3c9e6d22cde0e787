import { Handle, NodeProps, Position, useStore } from '@xyflow/react';
import { makeStyles } from '@material-ui/core/styles';
import { memo } from 'react';
import { handleId } from '../../graph/handles';
import { NODE_METRICS } from '../../graph/nodeSize';
import { TableFlowNode } from '../../graph/toFlow';
import { selectShowColumns } from './zoomTiers';

const useStyles = makeStyles(theme => ({
  node: {
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 6,
    overflow: 'hidden',
    fontSize: 12,
    fontFamily: theme.typography.fontFamily,
    boxShadow: theme.shadows[1],
    cursor: 'pointer',
  },
  focused: {
    border: `2px solid ${theme.palette.primary.main}`,
  },
  highlighted: {
    outline: `3px solid ${theme.palette.secondary.main}`,
    outlineOffset: 2,
  },
  header: {
    height: NODE_METRICS.headerHeight,
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    gap: 6,
    padding: '0 10px',
    background: theme.palette.type === 'dark' ? theme.palette.grey[800] : theme.palette.grey[100],
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontWeight: 600,
    fontSize: 13,
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1 },
  type: {
    fontSize: 10,
    fontWeight: 400,
    color: theme.palette.text.secondary,
    textTransform: 'uppercase',
  },
  row: {
    height: NODE_METRICS.rowHeight,
    display: 'flex',
    alignItems: 'center',
    gap: 6,
    padding: '0 10px',
    whiteSpace: 'nowrap',
  },
  rowHighlighted: {
    background: theme.palette.type === 'dark' ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.08)',
    fontWeight: 600,
  },
  key: { width: 20, fontSize: 9, fontWeight: 700, flexShrink: 0 },
  pk: { color: theme.palette.type === 'dark' ? theme.palette.warning.light : theme.palette.warning.dark },
  fk: { color: theme.palette.type === 'dark' ? theme.palette.info.light : theme.palette.info.dark },
  columnName: { overflow: 'hidden', textOverflow: 'ellipsis', flex: 1 },
  columnType: { color: theme.palette.text.secondary, fontFamily: 'monospace', fontSize: 11 },
  // Zoomed out: one striped block stands in for the rows (one element, not one per column).
  rowsPlaceholder: {
    height: `calc(100% - ${NODE_METRICS.headerHeight}px)`,
    backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent 6px, ${theme.palette.divider} 6px, ${theme.palette.divider} 14px, transparent 14px, transparent ${NODE_METRICS.rowHeight}px)`,
    backgroundPosition: '24px 0',
    backgroundSize: '60% 100%',
    backgroundRepeat: 'no-repeat',
  },
  handle: {
    // Relationships attach here; users cannot draw new ones.
    width: 1,
    height: 1,
    minWidth: 0,
    minHeight: 0,
    border: 0,
    background: 'transparent',
    pointerEvents: 'none',
  },
}));

const rowCentre = (index: number) =>
  NODE_METRICS.headerHeight + index * NODE_METRICS.rowHeight + NODE_METRICS.rowHeight / 2;

/**
 * A table: its name, then its columns with type and PK/FK markers. Handles
 * sit at fixed offsets computed from the same metrics as the layout, so
 * they stay put when zooming out drops the rows (level of detail).
 */
export const TableNode = memo(({ data }: NodeProps<TableFlowNode>) => {
  const classes = useStyles();
  const showColumns = useStore(selectShowColumns);
  const handles = [
    <Handle key="tl" type="source" position={Position.Left} id={handleId(undefined, 'l')} className={classes.handle} style={{ top: NODE_METRICS.headerHeight / 2 }} isConnectable={false} />,
    <Handle key="tr" type="source" position={Position.Right} id={handleId(undefined, 'r')} className={classes.handle} style={{ top: NODE_METRICS.headerHeight / 2 }} isConnectable={false} />,
  ];
  data.columns.forEach((column, index) => {
    if (!column.linked) return;
    const top = rowCentre(index);
    handles.push(
      <Handle key={`${column.name}l`} type="source" position={Position.Left} id={handleId(column.name, 'l')} className={classes.handle} style={{ top }} isConnectable={false} />,
      <Handle key={`${column.name}r`} type="source" position={Position.Right} id={handleId(column.name, 'r')} className={classes.handle} style={{ top }} isConnectable={false} />,
    );
  });
  const highlightedColumn = data.highlightedColumn?.toLowerCase();
  return (
    <div
      className={[
        classes.node,
        data.focused ? classes.focused : '',
        data.highlighted ? classes.highlighted : '',
      ].join(' ')}
      data-testid="erd-node"
      data-table-id={data.tableId}
      data-highlighted={data.highlighted || undefined}
    >
      <div className={classes.header} title={data.name}>
        <span className={classes.name}>{data.name}</span>
        <span className={classes.type}>{data.resourceType}</span>
      </div>
      {!showColumns && data.columns.length > 0 && <div className={classes.rowsPlaceholder} />}
      {showColumns &&
        data.columns.map(column => (
          <div
            key={column.name}
            className={[
              classes.row,
              column.name.toLowerCase() === highlightedColumn ? classes.rowHighlighted : '',
            ].join(' ')}
            title={`${column.name} ${column.dataType}`}
          >
            <span className={classes.key}>
              {column.isPrimaryKey && <span className={classes.pk}>PK</span>}
              {column.isForeignKey && !column.isPrimaryKey && <span className={classes.fk}>FK</span>}
            </span>
            <span className={classes.columnName}>{column.name}</span>
            <span className={classes.columnType}>{column.dataType}</span>
          </div>
        ))}
      {handles}
    </div>
  );
});
