import { NodeProps, useStore } from '@xyflow/react';
import { memo } from 'react';
import { tableHandles } from '../../graph/handles';
import { TableFlowNode } from '../../graph/toFlow';
import { TableNodeData } from '../../graph/types';
import { PlacedHandles } from './PlacedHandles';
import { TABLE } from './tableNodeStyles';
import { selectShowColumns } from './zoomTiers';

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
      {data.handles && (
        <PlacedHandles placements={tableHandles(data.columns)} />
      )}
    </div>
  );
});
