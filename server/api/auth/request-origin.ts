import type { Context } from 'hono';
import { problems } from './problems.ts';

/** The custom header every widget request carries: a cross-site page can't add it without a CORS preflight we refuse. */
export const REQUEST_HEADER = 'X-GP-Request';

/**
 * The web origin a browser request comes from: its `Origin` header, or — for a same-origin GET,
 * which browsers send without one (the insurer's standalone portal page) — the API's own origin
 * when `Sec-Fetch-Site: same-origin` says so. Neither header can be set by a page's script. Null
 * when the request names no (usable) origin.
 */
export function requestOrigin(c: Context, ownOrigin: string): string | null {
  const origin = c.req.header('origin');
  if (origin) return origin === 'null' ? null : origin;
  return c.req.header('sec-fetch-site') === 'same-origin' ? ownOrigin : null;
}

/** 403 `missing_request_header` unless the request carries `X-GP-Request: 1`. */
export function assertWidgetRequest(c: Context): void {
  if (c.req.header(REQUEST_HEADER) !== '1') throw problems.missingRequestHeader();
}

/** 403 `origin_not_allowed` unless the request's origin is one of `allowed` (exact match). */
export function assertOriginIn(c: Context, ownOrigin: string, allowed: readonly string[]): string {
  const origin = requestOrigin(c, ownOrigin);
  if (!origin || !allowed.includes(origin)) throw problems.originNotAllowed();
  return origin;
}
