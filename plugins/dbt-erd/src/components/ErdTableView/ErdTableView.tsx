import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Erd } from 'backstage-plugin-dbt-erd-common';

/**
 * The ERD as two plain tables: its tables and its relationships. Readable by
 * screen readers and usable on projects too large to draw.
 */
export const ErdTableView = ({ erd }: { erd: Erd }) => {
  const names = new Map(erd.nodes.map(node => [node.id, node.name]));
  return (
    <>
      <Typography variant="h6" component="h2">
        Tables
      </Typography>
      <Table size="small" aria-label="Tables">
        <TableHead>
          <TableRow>
            <TableCell>Table</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Schema</TableCell>
            <TableCell>Columns</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {erd.nodes.map(node => (
            <TableRow key={node.id} data-testid="erd-table-row">
              <TableCell>{node.name}</TableCell>
              <TableCell>{node.resource_type}</TableCell>
              <TableCell>
                {[node.database, node.schema_name].filter(Boolean).join('.')}
              </TableCell>
              <TableCell>{node.columns.length}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="h6" component="h2" style={{ marginTop: 24 }}>
        Relationships
      </Typography>
      <Table size="small" aria-label="Relationships">
        <TableHead>
          <TableRow>
            <TableCell>From</TableCell>
            <TableCell>To</TableCell>
            <TableCell>Cardinality</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {erd.edges.map(edge => (
            <TableRow key={edge.id} data-testid="erd-relationship-row">
              <TableCell>
                {names.get(edge.from_id) ?? edge.from_id}.
                {edge.from_columns.join(', ')}
              </TableCell>
              <TableCell>
                {names.get(edge.to_id) ?? edge.to_id}.
                {edge.to_columns.join(', ')}
              </TableCell>
              <TableCell>{edge.cardinality}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
