import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import { dbtErdApiRef, EntityErdTable, ErdQuery } from '../../api';

/** Tables whose answers a loader keeps: a day's clicking on one ERD, a few KB each. */
const KEPT = 100;

/**
 * One ERD's table details (the per-table route), asked for once per table.
 * The tab asks when the pointer goes down on a table (and again, for free,
 * when it is activated), so the answer travels while the focused diagram
 * renders and the drawer opens with the description instead of a loading
 * line.
 */
export class TableDetailsLoader {
  readonly #fetch: (tableId: string) => Promise<EntityErdTable>;
  readonly #answers = new Map<string, Promise<EntityErdTable>>();
  readonly #arrived = new Map<string, EntityErdTable>();

  constructor(fetch: (tableId: string) => Promise<EntityErdTable>) {
    this.#fetch = fetch;
  }

  load(tableId: string): Promise<EntityErdTable> {
    const kept = this.#answers.get(tableId);
    if (kept) return kept;
    const answer = this.#fetch(tableId);
    this.#answers.set(tableId, answer);
    answer.then(
      value => {
        if (this.#answers.get(tableId) === answer)
          this.#arrived.set(tableId, value);
      },
      // A failure is not kept: the next load (a retry) asks again.
      () => {
        if (this.#answers.get(tableId) === answer)
          this.#answers.delete(tableId);
      },
    );
    if (this.#answers.size > KEPT) {
      const oldest = this.#answers.keys().next().value!;
      this.#answers.delete(oldest);
      this.#arrived.delete(oldest);
    }
    return answer;
  }

  /** The answer, if it has arrived: the drawer then renders it at once, in its first render. */
  arrived(tableId: string): EntityErdTable | undefined {
    return this.#arrived.get(tableId);
  }

  /** Asks ahead of the drawer; its failure is the drawer's to show. */
  prefetch(tableId: string): void {
    this.load(tableId).catch(() => {});
  }
}

/**
 * The loader for the shown ERD: a new one (nothing kept) for another
 * entity, other filters or a new ERD (`erd`: a refresh or another run).
 */
export function useTableDetailsLoader(
  entityRef: CompoundEntityRef,
  query: ErdQuery,
  erd: object,
): TableDetailsLoader {
  const api = useApi(dbtErdApiRef);
  // By value: a query object rebuilt each render must not drop what is kept.
  const queryKey = JSON.stringify(query);
  const { kind, namespace, name } = entityRef;
  return useMemo(
    () =>
      // async: a fetch that throws at once is a rejected answer too.
      new TableDetailsLoader(async tableId =>
        api.getTableDetails(
          { kind, namespace, name },
          tableId,
          JSON.parse(queryKey) as ErdQuery,
        ),
      ),
    // `erd` only invalidates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, kind, namespace, name, queryKey, erd],
  );
}
