import {
  afterVariable,
  APPLIED_STATE_RESOURCES,
  AppliedStateKey,
  AppliedStateResource,
  buildAppliedStateQuery,
} from './appliedStateQuery';
import { DbtCloudAppliedState } from './types';

/** The `data` of a GraphQL answer, or undefined-ish when `environment` is null. */
export type PostGraphql = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ environment?: Record<string, any> | null }>;

/** Thrown for answers that cannot be paged further; the caller words the error. */
export class AppliedStatePagingError extends Error {}

interface Connection {
  edges?: Array<{ node?: unknown }> | null;
  pageInfo?: { endCursor?: string | null; hasNextPage?: boolean | null } | null;
}

/**
 * Reads every page of an environment's applied state. Returns undefined when
 * the environment does not exist. Stops at `maxPages` so a server that keeps
 * saying "there is more" cannot loop forever.
 */
export async function pageAppliedState(options: {
  environmentId: number;
  pageSize: number;
  maxPages: number;
  post: PostGraphql;
}): Promise<DbtCloudAppliedState | undefined> {
  const { environmentId, pageSize, maxPages, post } = options;
  const state: DbtCloudAppliedState = {
    environmentId,
    models: [],
    sources: [],
    exposures: [],
    tests: [],
    semanticModels: [],
    pages: 0,
  };
  const cursors = new Map<AppliedStateKey, string | null>();
  let pending: AppliedStateResource[] = [...APPLIED_STATE_RESOURCES];

  while (pending.length > 0) {
    if (state.pages >= maxPages) {
      throw new AppliedStatePagingError(
        `still had more pages after ${maxPages} requests`,
      );
    }
    const variables: Record<string, unknown> = {
      environmentId,
      first: pageSize,
    };
    for (const resource of pending) {
      variables[afterVariable(resource.key)] =
        cursors.get(resource.key) ?? null;
    }
    const data = await post(buildAppliedStateQuery(pending), variables);
    state.pages += 1;
    if (!data.environment) return undefined;

    pending = pending.filter(resource => {
      const connection: Connection | undefined =
        data.environment?.[resource.section]?.[resource.key] ?? undefined;
      const nodes = (connection?.edges ?? [])
        .map(edge => edge?.node)
        .filter(Boolean);
      (state[resource.key] as unknown[]).push(...nodes);
      const next = connection?.pageInfo?.endCursor;
      const more = Boolean(connection?.pageInfo?.hasNextPage) && !!next;
      // A cursor that does not move would fetch the same page forever.
      if (more && next === cursors.get(resource.key)) {
        throw new AppliedStatePagingError(
          `returned the same ${resource.key} cursor twice`,
        );
      }
      if (more) cursors.set(resource.key, next);
      return more;
    });
  }
  return state;
}
