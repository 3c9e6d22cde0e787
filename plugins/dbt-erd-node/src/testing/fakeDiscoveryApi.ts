import {
  FakeAnswer,
  FakeDbtCloudAccount,
  FakeEnvironment,
  jsonAnswer,
} from './fakeTypes';

const RESOURCE_FIELD =
  /\b(models|sources|exposures|tests|semanticModels)\s*\(([^)]*)\)/g;
const GENERIC_TESTS_ONLY = /testTypes\s*:\s*\[\s*GENERIC_DATA_TEST\s*\]/;
const ARGUMENT = /(\w+)\s*:\s*(\$\w+|"[^"]*"|-?\d+|null)/g;
const API_MAX_PAGE_SIZE = 500;

/**
 * A small stand-in for the Discovery API's `environment(id)` query. It does
 * not parse GraphQL: it finds each resource connection the query asks for
 * and pages it with `first` / `after`, which is all the client relies on.
 * Cursors are opaque strings, as in the real API.
 */
export function answerDiscoveryApi(
  account: FakeDbtCloudAccount,
  request: { query?: unknown; variables?: Record<string, unknown> },
  maxPageSize: number,
): FakeAnswer {
  if (typeof request.query !== 'string') {
    return jsonAnswer(400, {
      errors: [{ message: 'Must provide query string.' }],
    });
  }
  const variables = request.variables ?? {};
  const environmentId = argumentValue(
    /environment\s*\(\s*id\s*:\s*(\$\w+|"[^"]*"|\d+)\s*\)/.exec(
      request.query,
    )?.[1],
    variables,
  );
  const environment = account.environments?.[Number(environmentId)];
  // `environment(id:)` is non-null in the schema: an unknown one nulls `data`.
  if (!environment) {
    return jsonAnswer(200, {
      errors: [
        {
          message: `Environment ${environmentId} not found`,
          path: ['environment'],
        },
      ],
      data: null,
    });
  }

  const applied: Record<string, unknown> = {};
  const definition: Record<string, unknown> = {};
  for (const [, key, args] of request.query.matchAll(RESOURCE_FIELD)) {
    const parsed = Object.fromEntries(
      [...args.matchAll(ARGUMENT)].map(([, name, value]) => [
        name,
        argumentValue(value, variables),
      ]),
    );
    const nodes = (environment[key as keyof FakeEnvironment] ??
      []) as unknown[];
    const withUnitTests =
      key === 'tests' && !GENERIC_TESTS_ONLY.test(args)
        ? [...nodes, ...(environment.unitTests ?? [])]
        : nodes;
    const connection = page(
      withUnitTests,
      Math.min(
        Number(parsed.first ?? API_MAX_PAGE_SIZE),
        API_MAX_PAGE_SIZE,
        maxPageSize,
      ),
      typeof parsed.after === 'string' ? parsed.after : undefined,
    );
    (key === 'semanticModels' ? definition : applied)[key] = connection;
  }
  const errors = [
    ...(environment.errors ?? []),
    ...(environment.appliedError ? [environment.appliedError] : []),
  ].map(message => ({ message }));
  return jsonAnswer(200, {
    ...(errors.length ? { errors } : {}),
    data: {
      environment: {
        // `applied` is nullable, its connections are not: one field error nulls it all.
        applied: environment.appliedError ? null : applied,
        definition,
      },
    },
  });
}

function page(nodes: unknown[], first: number, after: string | undefined) {
  const start = after ? decodeCursor(after) : 0;
  const slice = nodes.slice(start, start + first);
  const end = start + slice.length;
  return {
    edges: slice.map(node => ({ node })),
    pageInfo: {
      startCursor: encodeCursor(start),
      endCursor: encodeCursor(end),
      hasNextPage: end < nodes.length,
    },
    totalCount: nodes.length,
  };
}

function argumentValue(
  literal: string | undefined,
  variables: Record<string, unknown>,
): unknown {
  if (literal === undefined || literal === 'null') return undefined;
  if (literal.startsWith('$')) return variables[literal.slice(1)] ?? undefined;
  if (literal.startsWith('"')) return literal.slice(1, -1);
  return Number(literal);
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const offset = Number(
    Buffer.from(cursor, 'base64')
      .toString('utf8')
      .replace(/^offset:/, ''),
  );
  return Number.isSafeInteger(offset) && offset >= 0 ? offset : 0;
}
