import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ErdDiffBase } from '../../api';
import { describeBase } from './compareBase';

/**
 * Why the comparison could not be made (no previous run, a job without
 * runs, an entity not on dbt Cloud...), above head's diagram, which stays;
 * "Stop comparing" is in the toolbar.
 */
export const ErdCompareError = ({
  base,
  error,
}: {
  base: ErdDiffBase;
  error: Error;
}) => (
  <Box mb={1}>
    <ResponseErrorPanel
      error={error}
      title={`Could not compare with ${describeBase(
        base,
      )}; the diagram shows this run only`}
    />
  </Box>
);
