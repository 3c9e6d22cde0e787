import { z } from 'zod';
import { ERD_TARGETS } from '../engine/targets/registry';

/** Options a user may narrow in the tab; they narrow the entity's annotations. */
export interface ErdQuery {
  select?: string[];
  exclude?: string[];
  resourceTypes?: string[];
  algo?: string;
  entityNameFormat?: string;
  entityGroup?: string;
}

/** The longest value one query parameter may have. */
export const MAX_QUERY_VALUE_LENGTH = 2000;

/** A query parameter the routes know. */
export type ErdQueryParameter =
  | 'select'
  | 'exclude'
  | 'resourceTypes'
  | 'algo'
  | 'entityNameFormat'
  | 'entityGroup'
  | 'format'
  | 'view'
  | 'base';

/** What each parameter accepts, in the words of the error a bad value gets. */
const ALLOWED: Record<ErdQueryParameter, string> = {
  select: 'dbt selectors, as one or more text values',
  exclude: 'dbt selectors, as one or more text values',
  resourceTypes:
    'resource types (model, source, seed, snapshot), as one or more text values',
  algo: 'one text value naming an algorithm, e.g. test_relationship',
  entityNameFormat: 'one text value, e.g. resource.package.model',
  entityGroup: 'one text value, e.g. database.schema',
  format: `one of ${ERD_TARGETS.join(', ')}`,
  view: 'tab (the default: the compact encoding) or full (the plain ERD, descriptions included)',
  base: 'one text value: previous, ci, run:<id> or job:<id>',
};

const text = z.string().max(MAX_QUERY_VALUE_LENGTH);
// How many rules a list may hold is the engine's to say (it names its cap).
const list = z.union([text, z.array(text)]).optional();
const single = text.optional();

/** The ERD options as query parameters: lists repeatable, the rest once. */
const optionsShape = {
  select: list,
  exclude: list,
  resourceTypes: list,
  algo: single,
  entityNameFormat: single,
  entityGroup: single,
};

/**
 * `GET …/erd`: the options; `format` for a download in a dbterd format;
 * `view=full` for the plain ERD with descriptions (the search collator).
 */
export const erdQuerySchema = z
  .object({
    ...optionsShape,
    view: z.enum(['tab', 'full']).optional(),
    format: z
      .string()
      .refine(format => ERD_TARGETS.includes(format))
      .optional(),
  })
  .strict();

/** `POST …/erd/refresh` and `GET …/erd/tables/:tableId`: the options alone. */
export const erdOptionsQuerySchema = z.object(optionsShape).strict();

/** `GET …/erd/diff`: the options, the base to compare with, json or markdown. */
export const erdDiffQuerySchema = z
  .object({
    ...optionsShape,
    base: single,
    format: z.enum(['json', 'markdown', 'md']).optional(),
  })
  .strict();

/** The ERD route's query, validated. */
export type ErdQueryParams = z.infer<typeof erdQuerySchema>;
/** The refresh and table routes' query, validated. */
export type ErdOptionsQueryParams = z.infer<typeof erdOptionsQuerySchema>;
/** The diff route's query, validated. */
export type ErdDiffQueryParams = z.infer<typeof erdDiffQuerySchema>;

/** Why a query was refused: the parameter and what it accepts. */
export interface ErdQueryProblem {
  parameter: string;
  message: string;
}

/**
 * Validates a request's query against one of the schemas above. The result
 * names the first bad parameter and what it accepts, ready for an
 * InputError: `algo: one text value naming an algorithm, e.g. test_relationship`.
 */
export function parseErdQuery<S extends z.ZodType>(
  schema: S,
  query: unknown,
): { ok: true; query: z.infer<S> } | { ok: false; problem: ErdQueryProblem } {
  const result = schema.safeParse(query ?? {});
  if (result.success) return { ok: true, query: result.data };
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(
      (schema as unknown as z.ZodObject).shape ?? {},
    ).join(', ');
    const parameter = issue.keys[0].slice(0, 40);
    return {
      ok: false,
      problem: {
        parameter,
        message: `query parameter "${parameter}" is not known; use ${known}`,
      },
    };
  }
  const parameter = String(issue.path[0] ?? 'query');
  const allowedHere: Record<string, string> =
    schema === (erdDiffQuerySchema as z.ZodType)
      ? { ...ALLOWED, format: 'json, markdown or md' }
      : ALLOWED;
  const allowed = Object.hasOwn(allowedHere, parameter)
    ? allowedHere[parameter]
    : 'a valid value';
  const given = (query as Record<string, unknown>)[parameter];
  let message: string;
  if (issue.code === 'too_big' && issue.origin === 'string') {
    message = `${parameter} is longer than ${MAX_QUERY_VALUE_LENGTH} characters; shorten it`;
  } else if (typeof given === 'string') {
    message = `${parameter} "${given.slice(
      0,
      40,
    )}" is not supported; use ${allowed}`;
  } else {
    message = `query parameter ${parameter} is not valid; it takes ${allowed}`;
  }
  return { ok: false, problem: { parameter, message } };
}
