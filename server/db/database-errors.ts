import { ConnectionError } from 'sequelize';

/**
 * Whether an error means "the database cannot be reached right now" (restarting, failing over,
 * network cut) rather than "this query is wrong": no connection could be made or acquired, or the
 * connection died under the query. Such a request is answered 503 `database_unavailable` (the
 * client may retry); PostgreSQL rolls back whatever transaction the dead connection held.
 */
const LOST_CONNECTION = /Connection terminated|not queryable|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up/i;
/** SQLSTATE class 08 (connection exception) and the shutdown codes of class 57 (57P01–57P03). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123])/;

export function isDatabaseUnavailableError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if (current instanceof ConnectionError) return true;
    const e = current as { code?: unknown; message?: unknown; parent?: unknown; original?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || LOST_CONNECTION.test(e.code))) return true;
    if (typeof e.message === 'string' && LOST_CONNECTION.test(e.message)) return true;
    current = e.parent ?? e.original ?? e.cause;
  }
  return false;
}

/** The problem document of such a request (and of `/readyz` while it lasts). */
export const DATABASE_UNAVAILABLE = {
  type: 'about:blank#database_unavailable',
  title: 'The database is not reachable',
  status: 503,
  code: 'database_unavailable',
} as const;
