import { DbtCloudTimeoutError } from '../errors';
import {
  afterVariable,
  APPLIED_STATE_RESOURCES,
  AppliedStateKey,
  AppliedStateResource,
  buildAppliedStateQuery,
} from './appliedStateQuery';
import { DbtCloudAppliedState } from './types';

/** A GraphQL answer: its `data` and the messages of its `errors`. */
export interface GraphqlAnswer {
  data: { environment?: Record<string, any> | null };
  errors: string[];
}

export type PostGraphql = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<GraphqlAnswer>;

/** Thrown for answers that cannot be paged further; the caller words the error. */
export class AppliedStatePagingError extends Error {
  constructor(
    message: string,
    /** The GraphQL errors that explain it, when there were any. */
    readonly details?: string,
  ) {
    super(message);
  }
}

interface Connection {
  edges?: Array<{ node?: unknown }> | null;
  pageInfo?: { endCursor?: string | null; hasNextPage?: boolean | null } | null;
}

/** The smallest page asked for after time-outs, before giving up. */
export const MIN_DISCOVERY_PAGE_SIZE = 25;

/**
 * Reads every page of an environment's applied state. Returns undefined when
 * the environment does not exist. Stops at `maxPages` so a server that keeps
 * saying "there is more" cannot loop forever. A page that times out is asked
 * again at half the size (down to MIN_DISCOVERY_PAGE_SIZE), since a big
 * project's first page is what makes the Discovery API slow. GraphQL errors
 * beside data become warnings, unless they emptied a section that was asked
 * for (one field error nulls the whole `applied` object).
 */
export async function pageAppliedState(options: {
  environmentId: number;
  pageSize: number;
  maxPages: number;
  post: PostGraphql;
  resources?: readonly AppliedStateResource[];
  onSmallerPage?: (pageSize: number) => void;
}): Promise<DbtCloudAppliedState | undefined> {
  const { environmentId, maxPages, post } = options;
  let pageSize = options.pageSize;
  const state: DbtCloudAppliedState = {
    environmentId,
    models: [],
    sources: [],
    exposures: [],
    tests: [],
    semanticModels: [],
    pages: 0,
    warnings: [],
  };
  const cursors = new Map<AppliedStateKey, string | null>();
  let pending: AppliedStateResource[] = [
    ...(options.resources ?? APPLIED_STATE_RESOURCES),
  ];

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
    let answer: GraphqlAnswer;
    try {
      answer = await post(buildAppliedStateQuery(pending), variables);
    } catch (error) {
      const smaller = Math.floor(pageSize / 2);
      if (!(error instanceof DbtCloudTimeoutError)) throw error;
      if (smaller < MIN_DISCOVERY_PAGE_SIZE) throw error;
      pageSize = smaller;
      options.onSmallerPage?.(pageSize);
      continue;
    }
    state.pages += 1;
    const environment = answer.data.environment;
    if (!environment) return undefined;
    for (const section of new Set(pending.map(r => r.section))) {
      if (!environment[section]) {
        throw new AppliedStatePagingError(
          `answered without the ${section} state`,
          answer.errors.length ? answer.errors.join('; ') : undefined,
        );
      }
    }
    for (const message of answer.errors) {
      const warning = `the Discovery API reported: ${message}`;
      if (!state.warnings.includes(warning)) state.warnings.push(warning);
    }

    pending = pending.filter(resource => {
      const connection: Connection | undefined =
        environment[resource.section]?.[resource.key] ?? undefined;
      const nodes = (connection?.edges ?? [])
        .map(edge => edge?.node)
        .filter(Boolean)
        .filter(node => resource.key !== 'tests' || isGenericTest(node));
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

/** Singular tests have `testMetadata.name: null`: they never declare a relationship. */
function isGenericTest(node: unknown): boolean {
  const metadata = (node as { testMetadata?: { name?: unknown } | null })
    .testMetadata;
  return typeof metadata?.name === 'string';
}
