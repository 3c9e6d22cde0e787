import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
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
 * that opened the drawer already asked for them.
 */
export function useTableDetails(
  loader: TableDetailsLoader,
  tableId: string | undefined,
): TableDetailsState {
  const [attempt, setAttempt] = useState(0);
  const arrived = tableId ? loader.arrived(tableId) : undefined;
  const state = useAsync(
    async () => arrived ?? (tableId ? loader.load(tableId) : undefined),
    [loader, tableId, attempt, arrived],
  );
  const retry = () => setAttempt(a => a + 1);
  if (arrived) return { loading: false, value: arrived, retry };
  return {
    loading: !!tableId && state.loading,
    error: state.error,
    value: state.value,
    retry,
  };
}
