import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { EntityErdTable } from '../../api';
import { TableDetailsLoader } from './tableDetailsLoader';

/** The drawer's table details from the backend's per-table route: loading, failed (retry) or there. */
export interface TableDetailsState {
  loading: boolean;
  error?: Error;
  value?: EntityErdTable;
  retry(): void;
}

/**
 * One table's details (descriptions, relation, exposures), which the tab's
 * payload leaves out, through the ERD's loader: at once when the click
 * that opened the drawer already asked for them. A retry loads again (the
 * loader keeps no failure).
 */
export function useTableDetails(
  loader: TableDetailsLoader,
  tableId: string | undefined,
): TableDetailsState {
  const arrived = tableId ? loader.arrived(tableId) : undefined;
  const state = useAsyncRetry(
    async () => arrived ?? (tableId ? loader.load(tableId) : undefined),
    [loader, tableId, arrived],
  );
  if (arrived) return { loading: false, value: arrived, retry: state.retry };
  return {
    loading: !!tableId && state.loading,
    error: state.error,
    value: state.value,
    retry: state.retry,
  };
}
