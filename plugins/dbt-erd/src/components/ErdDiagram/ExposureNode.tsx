import { NodeProps } from '@xyflow/react';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { memo } from 'react';
import { EXPOSURE_METRICS } from '../../graph/exposures';
import { headerHandles } from '../../graph/handles';
import { ExposureFlowNode } from '../../graph/toFlow';
import { PlacedHandles } from './PlacedHandles';
import { exposureColor } from './tableNodeStyles';

const useStyles = makeStyles(theme => ({
  // A pill with a dashed border, unlike the tables' boxes.
  node: {
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
  name: {
    fontSize: 12,
    fontWeight: 600,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: exposureColor(theme),
  },
  entity: {
    fontSize: 11,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
}));

/**
 * A dbt exposure that names a Backstage entity: its name and a link to the
 * entity's catalog page. Dashed lines join it to the tables it depends on
 * (attached at the header handles on both sides, as relationships are).
 */
export const ExposureNode = memo(({ data }: NodeProps<ExposureFlowNode>) => {
  const classes = useStyles();
  const top = EXPOSURE_METRICS.height / 2;
  return (
    <div
      className={classes.node}
      data-testid="erd-exposure-node"
      aria-label={`Exposure ${data.name}, used by ${data.entityRef}`}
      title={`dbt exposure ${data.name}\n${data.entityRef}`}
    >
      <span className={classes.name}>{data.name}</span>
      {/* nodrag nopan: a click on the link follows it, not the canvas. */}
      <span className={`${classes.entity} nodrag nopan`}>
        <EntityRefLink entityRef={data.entityRef} />
      </span>
      <PlacedHandles placements={headerHandles(top)} />
    </div>
  );
});
