import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import MuiLink from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { KeyboardEvent, useEffect, useRef } from 'react';
import { ErdSourceInfo } from '../../api';
import { ErdModel } from '../../graph/erdModel';
import { CARDINALITY_TEXT } from '../ErdDiagram/crowsFoot';
import { JoinPathSection } from '../JoinPath';

const useStyles = makeStyles(theme => ({
  paper: { width: 440, maxWidth: '100vw', padding: theme.spacing(2), boxSizing: 'border-box' },
  title: { wordBreak: 'break-all', flex: 1, outline: 'none' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(2, 0),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, wordBreak: 'break-all' },
  },
  section: { marginTop: theme.spacing(3) },
  mono: { fontFamily: 'monospace' },
}));

export interface TableDrawerProps {
  model: ErdModel;
  tableId?: string;
  source: ErdSourceInfo;
  onClose(): void;
  onFocusTable(tableId: string): void;
}

/**
 * Details of one table: description, type, location, columns, and its
 * relationships as links that focus the table at the other end. Focus moves
 * into the drawer when it opens; Escape closes it.
 */
export const TableDrawer = ({ model, tableId, source, onClose, onFocusTable }: TableDrawerProps) => {
  const classes = useStyles();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const node = tableId ? model.nodeById.get(tableId) : undefined;
  useEffect(() => {
    if (node) titleRef.current?.focus();
  }, [node]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };
  const details = node ? model.erd.extras?.nodeDetails?.[node.id] : undefined;
  const relationships = node ? model.edgesByNode.get(node.id) ?? [] : [];

  return (
    <Drawer
      anchor="right"
      variant="persistent"
      open={!!node}
      onKeyDown={onKeyDown}
      PaperProps={{
        className: classes.paper,
        'data-testid': 'erd-drawer',
        role: 'complementary',
        'aria-label': node ? `Table ${node.name}` : 'Table details',
      } as object}
    >
      {node && (
        <>
          <Box display="flex" alignItems="flex-start">
            <Typography variant="h6" component="h2" className={classes.title} ref={titleRef} tabIndex={-1}>
              {node.name}
            </Typography>
            <IconButton aria-label="Close table details" onClick={onClose} size="small">
              <CloseIcon />
            </IconButton>
          </Box>
          {node.label && <Typography variant="subtitle2">{node.label}</Typography>}
          <Typography variant="body2" color={node.description ? 'textPrimary' : 'textSecondary'}>
            {node.description || 'No description in dbt.'}
          </Typography>
          <dl className={classes.facts}>
            <dt>Resource type</dt>
            <dd>{node.resource_type}</dd>
            <dt>Database.schema</dt>
            <dd className={classes.mono}>
              {[node.database, node.schema_name].filter(Boolean).join('.') || '—'}
            </dd>
            {details?.relationName && (
              <>
                <dt>Relation</dt>
                <dd className={classes.mono}>{details.relationName}</dd>
              </>
            )}
            {details?.packageName && (
              <>
                <dt>Package</dt>
                <dd>{details.packageName}</dd>
              </>
            )}
            {!!details?.exposures?.length && (
              <>
                <dt>Exposures</dt>
                <dd>{details.exposures.join(', ')}</dd>
              </>
            )}
            <dt>dbt id</dt>
            <dd className={classes.mono}>{node.id}</dd>
          </dl>
          {source.url && (
            <Link to={source.url} target="_blank" rel="noopener noreferrer">
              Open the dbt Cloud run
            </Link>
          )}

          <Typography variant="subtitle1" component="h3" className={classes.section}>
            Columns ({node.columns.length})
          </Typography>
          <Table size="small" aria-label={`Columns of ${node.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>Column</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Key</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {node.columns.map(column => (
                <TableRow key={column.name}>
                  <TableCell>
                    <span className={classes.mono}>{column.name}</span>
                    {column.description && (
                      <Typography variant="caption" display="block" color="textSecondary">
                        {column.description}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell className={classes.mono}>{column.data_type || '—'}</TableCell>
                  <TableCell>
                    {[column.is_primary_key && 'PK', column.is_foreign_key && 'FK']
                      .filter(Boolean)
                      .join(' ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>

          <Typography variant="subtitle1" component="h3" className={classes.section}>
            Relationships ({relationships.length})
          </Typography>
          {relationships.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              No relationships.
            </Typography>
          )}
          <ul aria-label={`Relationships of ${node.name}`}>
            {relationships.map(edge => {
              const outgoing = edge.from_id === node.id;
              const otherId = outgoing ? edge.to_id : edge.from_id;
              const other = model.nodeById.get(otherId);
              const here = outgoing ? edge.from_columns : edge.to_columns;
              const there = outgoing ? edge.to_columns : edge.from_columns;
              return (
                <li key={`${edge.id}:${outgoing}`}>
                  <Typography variant="body2">
                    <span className={classes.mono}>{here.join(', ')}</span>{' '}
                    {outgoing ? '→' : '←'}{' '}
                    <MuiLink
                      component="button"
                      variant="body2"
                      onClick={() => onFocusTable(otherId)}
                      aria-label={`Focus ${other?.name ?? otherId}`}
                    >
                      {other?.name ?? otherId}
                    </MuiLink>
                    <span className={classes.mono}>.{there.join(', ')}</span>{' '}
                    <Typography variant="caption" color="textSecondary" component="span">
                      ({CARDINALITY_TEXT[edge.cardinality] ?? edge.cardinality})
                    </Typography>
                  </Typography>
                </li>
              );
            })}
          </ul>
          <JoinPathSection model={model} fromId={node.id} onFocusTable={onFocusTable} />
        </>
      )}
    </Drawer>
  );
};
