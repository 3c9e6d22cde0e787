import { NodeProps } from '@xyflow/react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { memo } from 'react';
import { EXPOSURE_METRICS } from '../../graph/exposures';
import { headerHandles } from '../../graph/handles';
import { ExposureFlowNode } from '../../graph/toFlow';
import { PlacedHandles } from './PlacedHandles';
import { EXPOSURE } from './tableNodeStyles';

/**
 * A dbt exposure that names a Backstage entity: its name and a link to the
 * entity's catalog page. Dashed lines join it to the tables it depends on
 * (attached at the header handles on both sides, as relationships are).
 */
export const ExposureNode = memo(({ data }: NodeProps<ExposureFlowNode>) => {
  const top = EXPOSURE_METRICS.height / 2;
  return (
    <div
      className={EXPOSURE.node}
      data-testid="erd-exposure-node"
      aria-label={`Exposure ${data.name}, used by ${data.entityRef}`}
      title={`dbt exposure ${data.name}\n${data.entityRef}`}
    >
      <span className={EXPOSURE.name}>{data.name}</span>
      {/* nodrag nopan: a click on the link follows it, not the canvas. */}
      <span className={`${EXPOSURE.entity} nodrag nopan`}>
        <EntityRefLink entityRef={data.entityRef} />
      </span>
      <PlacedHandles placements={headerHandles(top)} />
    </div>
  );
});
