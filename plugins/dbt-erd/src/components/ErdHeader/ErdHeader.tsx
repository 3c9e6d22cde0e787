import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { sourceLinkText } from 'backstage-plugin-dbt-erd-common';
import { EntityErd } from '../../api';
import { describeSource } from './describeSource';

export interface ErdHeaderProps {
  erd: EntityErd;
  refreshing: boolean;
  onRefresh(): void;
}

/** Where the ERD came from, how big it is, the backend's warnings, and Refresh. */
export const ErdHeader = ({ erd, refreshing, onRefresh }: ErdHeaderProps) => {
  const { source } = erd;
  const finished = source.finishedAt ? new Date(source.finishedAt) : undefined;
  return (
    <Box mb={1}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 12 }}
      >
        <Typography variant="body1" component="p" data-testid="erd-summary">
          {`${erd.nodes.length} tables, ${
            erd.edges.length
          } relationships from ${describeSource(source)}`}
        </Typography>
        {finished && !Number.isNaN(finished.getTime()) && (
          <Typography variant="body2" color="textSecondary" component="span">
            finished{' '}
            <time dateTime={source.finishedAt}>
              {finished.toLocaleString()}
            </time>
          </Typography>
        )}
        {source.url && (
          <Link to={source.url} target="_blank" rel="noopener noreferrer">
            {sourceLinkText(source)}
          </Link>
        )}
        <Button
          size="small"
          startIcon={<RefreshIcon />}
          onClick={onRefresh}
          disabled={refreshing}
          aria-label="Refresh ERD from dbt"
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </Box>
      {erd.warnings.map(warning => (
        <Typography
          key={warning}
          variant="body2"
          color="textSecondary"
          role="note"
        >
          {warning}
        </Typography>
      ))}
    </Box>
  );
};
