import { makeStyles } from '@material-ui/core/styles';

export interface LegendEntry {
  name: string;
  color: string;
  tableCount: number;
}

/** Past this many groups the legend names the largest and counts the rest. */
const MAX_ENTRIES = 8;

const useStyles = makeStyles(theme => ({
  legend: {
    background: theme.palette.background.paper,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    padding: theme.spacing(0.5, 1),
    fontSize: 12,
    fontFamily: theme.typography.fontFamily,
    color: theme.palette.text.primary,
    maxWidth: 260,
    listStyle: 'none',
    margin: 0,
  },
  entry: {
    display: 'flex',
    alignItems: 'center',
    gap: 6,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  swatch: { width: 10, height: 10, borderRadius: 2, flexShrink: 0 },
  rest: { color: theme.palette.text.secondary },
}));

/** Which colour is which group (schema or `entityGroup`), as on tables and in the minimap. */
export const DiagramLegend = ({ entries }: { entries: LegendEntry[] }) => {
  const classes = useStyles();
  const shown = [...entries]
    .sort((a, b) => b.tableCount - a.tableCount)
    .slice(0, MAX_ENTRIES);
  const rest = entries.length - shown.length;
  return (
    <ul
      className={classes.legend}
      aria-label="Legend: group colours"
      data-testid="erd-legend"
    >
      {shown.map(entry => (
        <li key={entry.name} className={classes.entry} title={entry.name}>
          <span
            className={classes.swatch}
            style={{ background: entry.color }}
          />
          {`${entry.name} (${entry.tableCount})`}
        </li>
      ))}
      {rest > 0 && (
        <li className={classes.rest}>{`and ${rest} more groups`}</li>
      )}
    </ul>
  );
};
