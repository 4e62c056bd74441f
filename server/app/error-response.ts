import type { Context } from 'hono';
import type { Logger } from '../../common/http/logger.ts';
import { ProblemError, problemResponse } from '../../common/http/problem.ts';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailableError } from '../db/database-errors.ts';
import { asProblem } from '../api/domain-problem.ts';

/** Whether a request is the API's (`/api`, `/api/…`). */
function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * The app's one error handler: what it answers when a handler throws. A `ProblemError` as its
 * problem document; on the API's paths also the domain refusals and Hono's own refusals (a body
 * that is not JSON, or too large); a database out of reach as a retryable 503; anything else as a
 * logged 500 that says nothing more.
 *
 * The API has no `onError` of its own: Hono wraps every route of a sub-app that has one in a
 * composed handler of its own, which cost each API request seven more layers of promises (bench,
 * API requests/s).
 */
export function errorResponse(error: unknown, c: Context, logger: Logger): Response | Promise<Response> {
  const api = isApiPath(c.req.path);
  const problem = api ? asProblem(error) : error;
  if (problem instanceof ProblemError) return problemResponse(c, problem.toProblem());
  if (isDatabaseUnavailableError(error)) {
    // The database is restarting or out of reach: retryable, and the transaction was rolled back.
    logger.warn('database_unavailable', { method: c.req.method, path: c.req.routePath, error });
    c.header('Retry-After', '5');
    return problemResponse(c, { ...DATABASE_UNAVAILABLE });
  }
  logger.error(api ? 'api_request_failed' : 'request_failed', { method: c.req.method, path: c.req.routePath, error });
  return problemResponse(c, { type: 'about:blank#internal_error', title: 'Internal server error', status: 500, code: 'internal_error' });
}
