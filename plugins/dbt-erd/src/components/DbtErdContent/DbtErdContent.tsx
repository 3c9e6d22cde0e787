import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  DBT_SOURCE_ANNOTATIONS,
  isDbtErdAvailable,
} from 'backstage-plugin-dbt-erd-common';
import { dbtErdApiRef } from '../../api';
import { ErdTableView } from '../ErdTableView';

const DbtErdLoader = () => {
  const { entity } = useEntity();
  const api = useApi(dbtErdApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityErd(getCompoundEntityRef(entity)),
    [api, entity],
  );

  if (loading) {
    return (
      <Content>
        <Typography variant="body2">
          Loading the dbt project's artifacts and building its ERD…
        </Typography>
        <Progress />
      </Content>
    );
  }
  if (error) {
    return (
      <Content>
        <ResponseErrorPanel error={error} title="Could not build the ERD" />
        <Button variant="outlined" onClick={retry}>
          Retry
        </Button>
      </Content>
    );
  }
  if (!value) return null;
  return (
    <Content>
      <ContentHeader
        title="Entity-relationship diagram"
        description={`${value.nodes.length} tables, ${value.edges.length} relationships from ${value.source.kind} ${value.source.name}`}
      />
      {value.warnings.map(warning => (
        <Typography key={warning} color="textSecondary" role="note">
          {warning}
        </Typography>
      ))}
      <ErdTableView erd={value} />
    </Content>
  );
};

/** The ERD tab of an entity page. */
export const DbtErdContent = () => {
  const { entity } = useEntity();
  if (!isDbtErdAvailable(entity)) {
    return <MissingAnnotationEmptyState annotation={[...DBT_SOURCE_ANNOTATIONS]} />;
  }
  return <DbtErdLoader />;
};
