import { InputError } from '@backstage/errors';
import { parseErdQuery } from 'backstage-plugin-dbt-erd-common';
import { Request } from 'express';
import { z } from 'zod';

/**
 * The request's query checked against one of the contract's zod schemas
 * (erdQuerySchema…): a bad or unknown parameter is an InputError (400)
 * naming it and what it accepts, before any work is done.
 */
export function validatedQuery<S extends z.ZodType>(
  req: Request,
  schema: S,
): z.infer<S> {
  const result = parseErdQuery(schema, req.query);
  if (!result.ok) throw new InputError(result.problem.message);
  return result.query;
}
