import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';
import { errorStatus } from './errorStatus';

/**
 * Every error becomes Backstage's JSON error body with a message the user
 * can act on, and never a stack trace. Unknown errors are logged and
 * answered with a generic message, since theirs was not written for users.
 */
export function errorMiddleware(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const name = isError(error) ? error.name : 'Error';
    const known = errorStatus(error);
    const statusCode = known ?? 500;
    const message =
      known !== undefined && isError(error)
        ? error.message
        : 'Internal error while building the ERD; the backend log has the details';
    if (known === undefined) {
      logger.error(
        `Unexpected error on ${req.method} ${req.path}`,
        isError(error) ? error : undefined,
      );
    } else if (statusCode >= 500) {
      logger.warn(`${req.method} ${req.path} failed: ${name}: ${message}`);
    }
    const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
    if (statusCode === 503 && retryAfterMs) {
      res.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
    }
    res.status(statusCode).json({
      error: { name, message },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode },
    });
  };
}
