import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useCallback, useMemo, useState } from 'react';
import { ResponseError } from '@backstage/errors';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  DBT_SOURCE_ANNOTATIONS,
  isDbtErdAvailable,
} from 'backstage-plugin-dbt-erd-common';
import { dbtErdApiRef, ErdQuery } from '../../api';
import { useErdViewState } from '../../hooks/useErdViewState';
import { ErdHeader } from '../ErdHeader';
import { ErdView } from '../ErdView';
import { ErdFilters } from '../ErdToolbar/ErdFilters';

const hasFilters = (query: ErdQuery) => Object.keys(query).length > 0;

/** The backend's message when it refused the tab's filters (a 400), else undefined. */
function filterError(error: Error, query: ErdQuery): string | undefined {
  if (
    !hasFilters(query) ||
    !ResponseError.is(error) ||
    error.statusCode !== 400
  )
    return undefined;
  return error.cause.message || error.message;
}

const DbtErdLoader = () => {
  const { entity } = useEntity();
  const api = useApi(dbtErdApiRef);
  const alertApi = useApi(alertApiRef);
  const [state, setState] = useErdViewState();
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  // The query object is rebuilt on every URL change; refetch only when its content changes.
  const queryKey = JSON.stringify(state.query);
  const query = useMemo(() => JSON.parse(queryKey) as ErdQuery, [queryKey]);
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      hasFilters(query)
        ? api.getEntityErd(entityRef, query)
        : api.getEntityErd(entityRef),
    [api, entityRef, query],
  );
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      await api.refresh(entityRef, query);
      retry();
    } catch (e) {
      alertApi.post({
        message: `Refresh failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setRefreshing(false);
    }
  }, [api, alertApi, entityRef, query, retry]);

  if (loading && !value) {
    return (
      <Content>
        <Typography variant="body2">
          Loading the dbt project's artifacts and building its ERD…
        </Typography>
        <Progress />
      </Content>
    );
  }
  const refused = error && filterError(error, query);
  if (refused) {
    // Keep the filter box, with the term the backend named, so it can be fixed.
    return (
      <Content>
        <ErdFilters
          query={query}
          onApply={q => setState({ query: q })}
          error={refused}
        />
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
      <ErdHeader
        erd={value}
        refreshing={refreshing || loading}
        onRefresh={refresh}
      />
      <ErdView
        entityRef={entityRef}
        erd={value}
        state={state}
        onStateChange={setState}
      />
    </Content>
  );
};

/** The ERD tab of an entity page. */
export const DbtErdContent = () => {
  const { entity } = useEntity();
  if (!isDbtErdAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState annotation={[...DBT_SOURCE_ANNOTATIONS]} />
    );
  }
  return <DbtErdLoader />;
};
