import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { Erd } from 'backstage-plugin-dbt-erd-common';
import { useMemo } from 'react';
import {
  INFERRED_DASH,
  describeCounts,
  relationshipCounts,
} from '../../graph/inferredEdges';

/** A short line drawn like the edges it names: the legend entry. */
const LegendLine = ({ dashed }: { dashed: boolean }) => (
  <svg
    width={28}
    height={8}
    aria-hidden="true"
    style={{ verticalAlign: 'middle' }}
  >
    <line
      x1={0}
      y1={4}
      x2={28}
      y2={4}
      stroke="currentColor"
      strokeWidth={1.5}
      strokeDasharray={dashed ? INFERRED_DASH : undefined}
    />
  </svg>
);

/**
 * "12 declared, 85 inferred from SQL", the legend of solid (declared) and
 * dashed (inferred) lines, and the switch that shows or hides the inferred
 * ones. Renders nothing when the ERD has no inferred edge.
 */
export const InferredEdgesControl = ({
  erd,
  shown,
  onChange,
}: {
  erd: Erd;
  shown: boolean;
  onChange(shown: boolean): void;
}) => {
  // A pass over every relationship: once per ERD, not on each focus.
  const counts = useMemo(() => relationshipCounts(erd), [erd]);
  if (counts.inferred === 0) return null;
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 16 }}
      aria-label="Inferred relationships"
    >
      <Typography variant="body2" role="status">
        {describeCounts(counts)}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="span">
        <LegendLine dashed={false} /> declared <LegendLine dashed /> inferred
      </Typography>
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={shown}
            onChange={e => onChange(e.target.checked)}
            color="primary"
          />
        }
        label="Show inferred"
      />
    </Box>
  );
};
