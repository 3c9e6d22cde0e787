import { makeStyles, Theme } from '@material-ui/core/styles';
import { EXPOSURE_METRICS } from '../../graph/exposures';
import { NODE_METRICS } from '../../graph/nodeSize';
import { EXPOSURE_EDGE_CLASS } from '../../graph/toFlow';

/** Exposures' colour: one that no table, key mark, focus or highlight uses. */
export const exposureColor = (theme: Theme) =>
  theme.palette.type === 'dark' ? '#ce93d8' : '#8e24aa';

/**
 * Plain class names for table nodes. A diagram draws hundreds of tables;
 * one style sheet on the canvas (below) styles them all through these,
 * where a `makeStyles` hook per node cost a JSS look-up per table on every
 * mount, the main cost of drawing a large overview.
 */
export const TABLE = {
  node: 'erd-table',
  focused: 'erd-table-focused',
  highlighted: 'erd-table-highlighted',
  header: 'erd-table-header',
  name: 'erd-table-name',
  type: 'erd-table-type',
  row: 'erd-table-row',
  rowHighlighted: 'erd-table-row-highlighted',
  key: 'erd-table-key',
  pk: 'erd-table-pk',
  fk: 'erd-table-fk',
  /** A unique key that is not the primary one. */
  uk: 'erd-table-uk',
  columnName: 'erd-table-column',
  columnType: 'erd-table-column-type',
  rowsPlaceholder: 'erd-table-rows',
  handle: 'erd-table-handle',
  /** On the canvas root: zoomed out, names drawn large over each table. */
  levelOfDetail: 'erd-lod',
} as const;

/**
 * Plain class names for the other nodes, in the same sheet. A node type
 * with a `makeStyles` hook of its own had its sheet removed whenever no node
 * of that type was drawn (the canvas is empty for a moment on every new
 * layout) and built and inserted again with the next one, restyling the
 * page: a group area's sheet, once or twice in every focus.
 */
export const GROUP = {
  area: 'erd-group',
  label: 'erd-group-label',
} as const;

export const EXPOSURE = {
  node: 'erd-exposure',
  name: 'erd-exposure-name',
  entity: 'erd-exposure-entity',
} as const;

const c = (name: string) => `& .${name}`;

/** The styles of every node (tables, group areas, exposures), scoped to the canvas that carries `root`. */
export const useTableNodeStyles = makeStyles(theme => {
  const dark = theme.palette.type === 'dark';
  return {
    // The top-right corner: "whole project", then the legend.
    panelStack: {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'flex-end',
      gap: 8,
    },
    root: {
      [c(TABLE.node)]: {
        position: 'relative',
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
        // No box-shadow: with software rendering, hundreds of blurred
        // shadows made every pan frame repaint slowly.
        cursor: 'pointer',
      },
      [c(TABLE.focused)]: { border: `2px solid ${theme.palette.primary.main}` },
      [c(TABLE.highlighted)]: {
        outline: `3px solid ${theme.palette.secondary.main}`,
        outlineOffset: 2,
      },
      [c(TABLE.header)]: {
        height: NODE_METRICS.headerHeight,
        boxSizing: 'border-box',
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        padding: '0 10px',
        background: dark ? theme.palette.grey[800] : theme.palette.grey[100],
        borderBottom: `1px solid ${theme.palette.divider}`,
        // The group's colour (set per node), as in the legend and minimap.
        borderLeft: '6px solid transparent',
        fontWeight: 600,
        fontSize: `var(--erd-title-px, ${NODE_METRICS.titleFontPx}px)`,
      },
      // Level of detail: the name covers the table, wrapped, at a size that
      // stays legible on screen (useTitleLevelOfDetail sets it).
      [`&.${TABLE.levelOfDetail} .${TABLE.header}`]: {
        position: 'absolute',
        inset: 0,
        height: 'auto',
        minHeight: NODE_METRICS.headerHeight,
        alignItems: 'flex-start',
        paddingTop: 4,
        borderBottom: 0,
        zIndex: 1,
        lineHeight: 1.1,
      },
      [`&.${TABLE.levelOfDetail} .${TABLE.name}`]: {
        whiteSpace: 'normal',
        overflowWrap: 'anywhere',
        overflow: 'hidden',
        maxHeight: '100%',
      },
      [`&.${TABLE.levelOfDetail} .${TABLE.type}`]: { display: 'none' },
      [c(TABLE.name)]: {
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        flex: 1,
      },
      // The resource type as a small badge.
      [c(TABLE.type)]: {
        fontSize: 9,
        fontWeight: 600,
        lineHeight: '14px',
        padding: '0 5px',
        borderRadius: 7,
        flexShrink: 0,
        color: theme.palette.text.secondary,
        border: `1px solid ${theme.palette.divider}`,
        textTransform: 'uppercase',
        letterSpacing: 0.3,
      },
      [c(TABLE.row)]: {
        height: NODE_METRICS.rowHeight,
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        padding: '0 10px',
        whiteSpace: 'nowrap',
      },
      [c(TABLE.rowHighlighted)]: {
        background: dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.08)',
        fontWeight: 600,
      },
      [c(TABLE.key)]: {
        width: 20,
        fontSize: 9,
        fontWeight: 700,
        flexShrink: 0,
      },
      [c(TABLE.pk)]: {
        color: dark ? theme.palette.warning.light : theme.palette.warning.dark,
      },
      [c(TABLE.uk)]: {
        color: dark ? theme.palette.success.light : theme.palette.success.dark,
        fontStyle: 'italic',
      },
      [c(TABLE.fk)]: {
        color: dark ? theme.palette.info.light : theme.palette.info.dark,
      },
      [c(TABLE.columnName)]: {
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        flex: 1,
      },
      [c(TABLE.columnType)]: {
        color: theme.palette.text.secondary,
        fontFamily: 'monospace',
        fontSize: 11,
      },
      // Zoomed out: one striped block stands in for the rows (one element, not one per column).
      [c(TABLE.rowsPlaceholder)]: {
        height: `calc(100% - ${NODE_METRICS.headerHeight}px)`,
        backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent 6px, ${theme.palette.divider} 6px, ${theme.palette.divider} 14px, transparent 14px, transparent ${NODE_METRICS.rowHeight}px)`,
        backgroundPosition: '24px 0',
        backgroundSize: '60% 100%',
        backgroundRepeat: 'no-repeat',
      },
      // An exposure's lines to its tables: dashed, in the exposures' colour.
      [`& .react-flow__edge.${EXPOSURE_EDGE_CLASS} .react-flow__edge-path`]: {
        stroke: exposureColor(theme),
        strokeDasharray: '6 4',
        strokeWidth: 1.5,
      },
      // A labelled area behind the tables of one group.
      [c(GROUP.area)]: {
        width: '100%',
        height: '100%',
        boxSizing: 'border-box',
        border: `1px dashed ${theme.palette.divider}`,
        borderRadius: 10,
        background: dark ? 'rgba(255,255,255,0.035)' : 'rgba(0,0,0,0.025)',
        pointerEvents: 'none',
      },
      [c(GROUP.label)]: {
        position: 'absolute',
        top: 6,
        left: 12,
        color: theme.palette.text.secondary,
        fontFamily: theme.typography.fontFamily,
        fontWeight: 600,
        whiteSpace: 'nowrap',
        transformOrigin: 'top left',
      },
      // An exposure: a pill with a dashed border, unlike the tables' boxes.
      [c(EXPOSURE.node)]: {
        width: '100%',
        height: EXPOSURE_METRICS.height,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        padding: `0 ${EXPOSURE_METRICS.horizontalPadding / 2}px`,
        borderRadius: EXPOSURE_METRICS.height / 2,
        border: `2px dashed ${exposureColor(theme)}`,
        background: theme.palette.background.paper,
        color: theme.palette.text.primary,
        fontFamily: theme.typography.fontFamily,
        whiteSpace: 'nowrap',
        cursor: 'default',
      },
      [c(EXPOSURE.name)]: {
        fontSize: 12,
        fontWeight: 600,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        color: exposureColor(theme),
      },
      [c(EXPOSURE.entity)]: {
        fontSize: 11,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
      },
      // Relationships attach here; users cannot draw new ones.
      [c(TABLE.handle)]: {
        width: 1,
        height: 1,
        minWidth: 0,
        minHeight: 0,
        border: 0,
        background: 'transparent',
        pointerEvents: 'none',
      },
    },
  };
});
