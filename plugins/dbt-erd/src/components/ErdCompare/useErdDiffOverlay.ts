import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  dbtErdApiRef,
  EntityErd,
  EntityErdDiff,
  ErdDiffBase,
  ErdQuery,
} from '../../api';
import { DiffMarks, overlayDiff } from './diffMarks';

export interface ErdDiffOverlay {
  /** What to draw: head, plus the removed tables, columns and relationships once the diff is in. */
  erd: EntityErd;
  marks?: DiffMarks;
  diff?: EntityErdDiff;
  loading: boolean;
  error?: Error;
}

/**
 * The comparison of the tab's ERD with `base` (from the URL): fetches the
 * diff and lays its ghosts and marks over head. Without a base it is head.
 */
export function useErdDiffOverlay(
  entityRef: CompoundEntityRef,
  head: EntityErd,
  base: ErdDiffBase | undefined,
  query: ErdQuery,
): ErdDiffOverlay {
  const api = useApi(dbtErdApiRef);
  // The query object is rebuilt on every URL change; refetch on content changes only.
  const queryKey = JSON.stringify(query);
  const { value, loading, error } = useAsync(
    async () =>
      base
        ? api.getErdDiff(entityRef, base, JSON.parse(queryKey) as ErdQuery)
        : undefined,
    [api, entityRef, base, queryKey],
  );
  const diff = base && !loading ? value : undefined;
  const overlay = useMemo(() => diff && overlayDiff(head, diff), [head, diff]);
  return {
    erd: overlay?.erd ?? head,
    marks: overlay?.marks,
    diff,
    loading: !!base && loading,
    error: base ? error : undefined,
  };
}
