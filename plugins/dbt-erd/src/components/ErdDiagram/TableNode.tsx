import { Handle, NodeProps, Position, useStore } from '@xyflow/react';
import { memo } from 'react';
import { handleId } from '../../graph/handles';
import { NODE_METRICS } from '../../graph/nodeSize';
import { TableFlowNode } from '../../graph/toFlow';
import { TableNodeData } from '../../graph/types';
import { TABLE } from './tableNodeStyles';
import { selectShowColumns } from './zoomTiers';

const rowCentre = (index: number) =>
  NODE_METRICS.headerHeight +
  index * NODE_METRICS.rowHeight +
  NODE_METRICS.rowHeight / 2;

const handle = (
  key: string,
  column: string | undefined,
  side: 'l' | 'r',
  top: number,
) => (
  <Handle
    key={key}
    type="source"
    position={side === 'l' ? Position.Left : Position.Right}
    id={handleId(column, side)}
    className={TABLE.handle}
    style={{ top }}
    isConnectable={false}
  />
);

/**
 * Where relationships attach: the header, and each column a relationship
 * uses, at fixed offsets computed from the same metrics as the layout, so
 * they stay put when zooming out drops the rows (level of detail).
 */
function handles(data: TableNodeData) {
  const top = NODE_METRICS.headerHeight / 2;
  const list = [
    handle('tl', undefined, 'l', top),
    handle('tr', undefined, 'r', top),
  ];
  data.columns.forEach((column, index) => {
    if (!column.linked) return;
    list.push(
      handle(`${column.name}l`, column.name, 'l', rowCentre(index)),
      handle(`${column.name}r`, column.name, 'r', rowCentre(index)),
    );
  });
  return list;
}

const Header = ({ data }: { data: TableNodeData }) => (
  <div
    className={TABLE.header}
    title={`${data.name}\n${data.fullName}\n${data.tableId}`}
    style={data.color ? { borderLeftColor: data.color } : undefined}
  >
    <span className={TABLE.name} data-testid="erd-node-title">
      {data.name}
    </span>
    <span className={TABLE.type}>{data.resourceType}</span>
  </div>
);

/** The rows, or (zoomed out) one striped block standing in for them. */
const Columns = ({ data }: { data: TableNodeData }) => {
  const showColumns = useStore(selectShowColumns);
  if (!showColumns) return <div className={TABLE.rowsPlaceholder} />;
  const highlightedColumn = data.highlightedColumn?.toLowerCase();
  return (
    <>
      {data.columns.map(column => (
        <div
          key={column.name}
          className={
            column.name.toLowerCase() === highlightedColumn
              ? `${TABLE.row} ${TABLE.rowHighlighted}`
              : TABLE.row
          }
          title={`${column.name} ${column.dataType}${
            column.compositeKey
              ? `\n${column.keys[0]} (${column.compositeKey.join(', ')})`
              : ''
          }`}
          data-diff={column.diff}
        >
          <span className={TABLE.key} data-testid="erd-column-key">
            {column.keys[0] === 'PK' && <span className={TABLE.pk}>PK</span>}
            {column.keys[0] === 'UK' && <span className={TABLE.uk}>UK</span>}
            {column.keys[0] === 'FK' && <span className={TABLE.fk}>FK</span>}
          </span>
          <span className={TABLE.columnName}>{column.name}</span>
          <span className={TABLE.columnType}>{column.dataType}</span>
        </div>
      ))}
    </>
  );
};

/**
 * A table: its name, then its columns with type and PK/FK markers. Kept
 * cheap because overviews mount hundreds at once: static class names
 * (styled once on the canvas, see tableNodeStyles.ts), no zoom subscription
 * for tables drawn without columns, no handles where no lines are drawn.
 */
export const TableNode = memo(({ data }: NodeProps<TableFlowNode>) => {
  let className: string = TABLE.node;
  if (data.focused) className += ` ${TABLE.focused}`;
  if (data.highlighted) className += ` ${TABLE.highlighted}`;
  return (
    <div
      className={className}
      data-testid="erd-node"
      data-table-id={data.tableId}
      data-highlighted={data.highlighted || undefined}
    >
      <Header data={data} />
      {data.columns.length > 0 && <Columns data={data} />}
      {data.handles && handles(data)}
    </div>
  );
});
