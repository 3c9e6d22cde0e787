import { makeStyles } from '@material-ui/core/styles';
import { DiffStatus } from './diffMarks';

/**
 * Recce's lineage-diff colours (green added, red removed, amber modified),
 * so that people who review dbt changes in Recce read this diagram at once.
 */
export const DIFF_COLORS: Record<DiffStatus, string> = {
  added: '#1dce00',
  removed: '#ff067e',
  changed: '#ffa502',
};

export const DIFF_LABELS: Record<DiffStatus, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

const tint = (hex: string) => `${hex}33`;
const node = (status: DiffStatus | 'context') =>
  `& .react-flow__node.erd-diff-${status} .erd-table`;
const row = (status: DiffStatus) => `& .erd-table-row[data-diff="${status}"]`;
const edge = (status: DiffStatus | 'context') =>
  `& .react-flow__edge.erd-diff-${status} .react-flow__edge-path`;

/**
 * The diff's marks, for the element around the diagram. One style sheet
 * over class names (see diffMarks) rather than props on every node, so the
 * diagram's components stay as they are; `!important` wins over the inline
 * stroke the relationship edge sets.
 */
export const useDiffStyles = makeStyles(theme => ({
  canvas: {
    [node('added')]: { border: `2px solid ${DIFF_COLORS.added}` },
    [node('changed')]: { border: `2px solid ${DIFF_COLORS.changed}` },
    // Removed tables stay where they were, as ghosts.
    [node('removed')]: {
      border: `2px dashed ${DIFF_COLORS.removed}`,
      opacity: 0.7,
      background: theme.palette.background.default,
    },
    // Unchanged tables are grey context.
    [node('context')]: { opacity: 0.55 },
    [row('added')]: { background: tint(DIFF_COLORS.added) },
    [row('changed')]: { background: tint(DIFF_COLORS.changed) },
    [row('removed')]: {
      color: DIFF_COLORS.removed,
      textDecoration: 'line-through',
    },
    [edge('added')]: {
      stroke: `${DIFF_COLORS.added} !important`,
      strokeWidth: '2.5px !important',
    },
    [edge('changed')]: {
      stroke: `${DIFF_COLORS.changed} !important`,
      strokeWidth: '2.5px !important',
    },
    [edge('removed')]: {
      stroke: `${DIFF_COLORS.removed} !important`,
      strokeWidth: '2.5px !important',
      strokeDasharray: '6 4 !important',
    },
    [edge('context')]: { opacity: 0.4 },
  },
}));
