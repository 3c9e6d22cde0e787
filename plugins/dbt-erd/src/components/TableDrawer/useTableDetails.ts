import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbtErdApiRef, EntityErdTable, ErdQuery } from '../../api';

/** The drawer's table details from the backend's per-table route: loading, failed (retry) or there. */
export interface TableDetailsState {
  loading: boolean;
  error?: Error;
  value?: EntityErdTable;
  retry(): void;
}

/**
 * Fetches one table's details (descriptions, relation, exposures) with the
 * tab's options, once per table shown: the tab's payload leaves them out.
 */
export function useTableDetails(
  entityRef: CompoundEntityRef,
  tableId: string | undefined,
  query: ErdQuery,
): TableDetailsState {
  const api = useApi(dbtErdApiRef);
  // By value: a query object rebuilt each render must not refetch.
  const queryKey = JSON.stringify(query);
  const { kind, namespace, name } = entityRef;
  const state = useAsyncRetry(async () => {
    if (!tableId) return undefined;
    return api.getTableDetails(
      { kind, namespace, name },
      tableId,
      JSON.parse(queryKey) as ErdQuery,
    );
  }, [api, kind, namespace, name, tableId, queryKey]);
  return {
    loading: !!tableId && state.loading,
    error: state.error,
    value: state.value,
    retry: state.retry,
  };
}
