import { Link } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import MuiLink from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import {
  KeyboardEvent,
  PointerEvent,
  useEffect,
  useRef,
  useState,
} from 'react';
import { sourceLinkText } from 'backstage-plugin-dbt-erd-common';
import { ErdSourceInfo } from '../../api';
import { ErdModel } from '../../graph/erdModel';
import { shortName } from '../../graph/shortName';
import { CARDINALITY_TEXT } from '../ErdDiagram/crowsFoot';
import { JoinPathSection } from '../JoinPath';
import { keyMarks } from '../../graph/columnKeys';
import { InferredEvidence } from '../InferredEdges';
import { CatalogLinks } from './CatalogLinks';
import { TableDetailsLoader } from './tableDetailsLoader';
import { TableDetailsState, useTableDetails } from './useTableDetails';

/** Wide enough for a column name, `timestamp with time zone` and the key on one line each. */
export const DRAWER_WIDTH = 560;
const MIN_WIDTH = 400;
const RESIZE_STEP = 40;
/**
 * Relationships listed before "Show all": a hub (a date or customer
 * dimension) can have hundreds, and listing them all in the click that
 * opens the drawer was most of that click (~900 rows at 10,000 tables).
 */
export const RELATIONSHIPS_SHOWN = 50;

const clampWidth = (width: number) =>
  Math.round(Math.max(MIN_WIDTH, Math.min(width, window.innerWidth * 0.9)));

/** The drawer's width, changed by dragging its left edge or with the arrow keys on it. */
function useResizableWidth() {
  const [width, setWidth] = useState(DRAWER_WIDTH);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const grip = event.currentTarget;
    grip.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) =>
      setWidth(clampWidth(window.innerWidth - e.clientX));
    const up = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    setWidth(w =>
      clampWidth(w + (event.key === 'ArrowLeft' ? RESIZE_STEP : -RESIZE_STEP)),
    );
  };
  return { width, onPointerDown, onKeyDown };
}

const useStyles = makeStyles(theme => ({
  // Docked at the right edge, as Material UI's persistent Drawer, but
  // sliding in by a CSS animation: the Drawer's Slide measures the page
  // (a forced layout of the just-drawn diagram) on every open.
  paper: {
    position: 'fixed',
    top: 0,
    right: 0,
    height: '100%',
    maxWidth: '100vw',
    overflowY: 'auto',
    zIndex: theme.zIndex.drawer,
    borderLeft: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(2),
    boxSizing: 'border-box',
    outline: 0,
    animation: `$slideIn ${theme.transitions.duration.enteringScreen}ms ${theme.transitions.easing.easeOut}`,
    '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
  },
  '@keyframes slideIn': {
    from: { transform: 'translateX(100%)' },
    to: { transform: 'none' },
  },
  // A grip along the left edge: drag, or focus it and use the arrow keys.
  resize: {
    position: 'absolute',
    left: 0,
    top: 0,
    bottom: 0,
    width: 6,
    cursor: 'col-resize',
    zIndex: 1,
    '&:hover, &:focus-visible': {
      background: theme.palette.action.hover,
      outline: 'none',
    },
  },
  noWrap: { whiteSpace: 'nowrap' },
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
  // A class, not Box: a Box inserts a style sheet of its own on every open.
  header: { display: 'flex', alignItems: 'flex-start' },
}));

export interface TableDrawerProps {
  /** Fetches the shown table's details (see useTableDetailsLoader). */
  details: TableDetailsLoader;
  model: ErdModel;
  tableId?: string;
  source: ErdSourceInfo;
  onClose(): void;
  onFocusTable(tableId: string): void;
}

/**
 * The table's description once its details are fetched; meanwhile a
 * loading line, and on failure the reason with a retry (never blank).
 */
const TableDescription = ({
  state,
  description,
  loaded,
}: {
  state: TableDetailsState;
  description: string | null;
  loaded: boolean;
}) => {
  if (!loaded && state.loading) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="erd-drawer-details-loading"
        aria-busy="true"
      >
        Loading description…
      </Typography>
    );
  }
  if (!loaded && state.error) {
    return (
      <div role="alert" data-testid="erd-drawer-details-error">
        <Typography variant="body2" color="error">
          {`Could not load this table's description: ${state.error.message}`}
        </Typography>
        <Button size="small" onClick={state.retry}>
          Retry
        </Button>
      </div>
    );
  }
  return (
    <Typography
      variant="body2"
      color={description ? 'textPrimary' : 'textSecondary'}
      data-testid="erd-drawer-description"
    >
      {description || 'No description in dbt.'}
    </Typography>
  );
};

/**
 * Details of one table: description, type, location, columns, and its
 * relationships as links that focus the table at the other end. Focus moves
 * into the drawer when it opens; Escape closes it.
 */
export const TableDrawer = ({
  details: detailsLoader,
  model,
  tableId,
  source,
  onClose,
  onFocusTable,
}: TableDrawerProps) => {
  const classes = useStyles();
  const resize = useResizableWidth();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const node = tableId ? model.nodeById.get(tableId) : undefined;
  // In the next frame, not in the effect: focusing reads the page's layout,
  // and in the click's task that was a forced layout of a page React Flow
  // was about to change (~30 ms of the click at 10,000 tables); in the
  // frame it is the layout the frame does anyway.
  useEffect(() => {
    if (!node) return undefined;
    const frame = requestAnimationFrame(() =>
      titleRef.current?.focus({ preventScroll: true }),
    );
    return () => cancelAnimationFrame(frame);
  }, [node]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };
  // An own property only: ids come from the artifacts.
  const allDetails = model.erd.extras?.nodeDetails;
  const modelDetails =
    node && allDetails && Object.hasOwn(allDetails, node.id)
      ? allDetails[node.id]
      : undefined;
  const relationships = node ? model.edgesByNode.get(node.id) ?? [] : [];
  // The table whose whole relationship list was asked for: another table opens short again.
  const [allShownFor, setAllShownFor] = useState<string>();
  const listed =
    node && allShownFor === node.id
      ? relationships
      : relationships.slice(0, RELATIONSHIPS_SHOWN);
  const fetched = useTableDetails(detailsLoader, node?.id);
  // Fetched for this table (not the one shown before), else what the tab's ERD has.
  const loaded =
    node && fetched.value?.table.id === node.id ? fetched.value : undefined;
  const details = loaded?.details ?? modelDetails;
  const columnDescriptions = new Map(
    (loaded?.table.columns ?? []).map(c => [c.name, c.description]),
  );

  if (!node) return null;
  return (
    <Paper
      square
      elevation={0}
      className={classes.paper}
      style={{ width: resize.width }}
      onKeyDown={onKeyDown}
      data-testid="erd-drawer"
      role="complementary"
      aria-label={`Table ${shortName(node)}`}
    >
      {/* A focusable separator is ARIA's window splitter: an interactive widget. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        className={classes.resize}
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize table details"
        aria-valuenow={resize.width}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onPointerDown={resize.onPointerDown}
        onKeyDown={resize.onKeyDown}
      />
      <div className={classes.header}>
        <Typography
          variant="h6"
          component="h2"
          className={classes.title}
          ref={titleRef}
          tabIndex={-1}
        >
          {shortName(node)}
        </Typography>
        <IconButton
          aria-label="Close table details"
          onClick={onClose}
          size="small"
        >
          <CloseIcon />
        </IconButton>
      </div>
      {node.label && <Typography variant="subtitle2">{node.label}</Typography>}
      <TableDescription
        state={fetched}
        description={loaded ? loaded.table.description : node.description}
        // A full ERD (an older backend, a test) already has it.
        loaded={!!loaded || node.description !== null}
      />
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
        <CatalogLinks details={details} />
        <dt>Name in exports</dt>
        <dd className={classes.mono}>{node.name}</dd>
        <dt>dbt id</dt>
        <dd className={classes.mono}>{node.id}</dd>
      </dl>
      {source.url && (
        <Link to={source.url} target="_blank" rel="noopener noreferrer">
          {sourceLinkText(source)}
        </Link>
      )}

      <Typography
        variant="subtitle1"
        component="h3"
        className={classes.section}
      >
        Columns ({node.columns.length})
      </Typography>
      <Table size="small" aria-label={`Columns of ${node.name}`}>
        <TableHead>
          <TableRow>
            <TableCell>Column</TableCell>
            <TableCell className={classes.noWrap}>Type</TableCell>
            <TableCell className={classes.noWrap}>Key</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {node.columns.map(column => (
            <TableRow key={column.name}>
              <TableCell>
                <span className={classes.mono}>{column.name}</span>
                {(columnDescriptions.get(column.name) ??
                  column.description) && (
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    {columnDescriptions.get(column.name) ?? column.description}
                  </Typography>
                )}
              </TableCell>
              <TableCell className={`${classes.mono} ${classes.noWrap}`}>
                {column.data_type || '—'}
              </TableCell>
              <TableCell
                className={classes.noWrap}
                data-testid="erd-drawer-column-key"
              >
                {keyMarks(
                  model.keysOf.get(node.id)?.get(column.name.toLowerCase()),
                  column.is_primary_key,
                  column.is_foreign_key,
                ).join(' ')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Typography
        variant="subtitle1"
        component="h3"
        className={classes.section}
      >
        Relationships ({relationships.length})
      </Typography>
      {relationships.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No relationships.
        </Typography>
      )}
      <ul aria-label={`Relationships of ${node.name}`}>
        {listed.map(edge => {
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
                  aria-label={`Focus ${other ? shortName(other) : otherId}`}
                  title={other?.name ?? otherId}
                >
                  {other ? shortName(other) : otherId}
                </MuiLink>
                <span className={classes.mono}>.{there.join(', ')}</span>{' '}
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="span"
                >
                  (
                  {Object.hasOwn(CARDINALITY_TEXT, edge.cardinality)
                    ? CARDINALITY_TEXT[edge.cardinality]
                    : edge.cardinality}
                  )
                </Typography>
              </Typography>
            </li>
          );
        })}
      </ul>
      {listed.length < relationships.length && (
        <Button
          size="small"
          onClick={() => setAllShownFor(node.id)}
          data-testid="erd-drawer-all-relationships"
        >
          {`Show all ${relationships.length} relationships`}
        </Button>
      )}
      <InferredEvidence erd={model.erd} tableId={node.id} />
      <JoinPathSection
        model={model}
        fromId={node.id}
        onFocusTable={onFocusTable}
      />
    </Paper>
  );
};
