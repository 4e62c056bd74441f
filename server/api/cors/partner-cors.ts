import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the widgets on partner sites, after hono's `cors` middleware but answering only
 * registered origins: an allowed origin gets its own value back in `Access-Control-Allow-Origin`
 * (never `*`) and a preflight answer cached for `maxAgeSeconds`; any other origin gets no CORS
 * header at all, so the browser withholds the response (and refuses to send a request that needs
 * a preflight). Every response varies by `Origin`.
 *
 * No `Access-Control-Allow-Credentials`: the widgets send no cookie (`credentials: 'omit'`); their
 * session is the `Authorization: DPoP` handle and the `DPoP` proof, which must be allowed request
 * headers, and a refused proof's `DPoP-Nonce` and `WWW-Authenticate` must be readable.
 */
export interface PartnerCorsOptions {
  isAllowedOrigin(origin: string): Promise<boolean>;
  allowMethods?: readonly string[];
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAgeSeconds?: number;
}

export const DEFAULT_ALLOWED_HEADERS = ['Content-Type', 'X-GP-Request', 'Idempotency-Key', 'Authorization', 'DPoP'] as const;

export function partnerCors(options: PartnerCorsOptions): MiddlewareHandler {
  const allowMethods = (options.allowMethods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).join(', ');
  const allowHeaders = (options.allowHeaders ?? DEFAULT_ALLOWED_HEADERS).join(', ');
  const exposeHeaders = (options.exposeHeaders ?? ['Content-Disposition', 'Location', 'Retry-After', 'DPoP-Nonce', 'WWW-Authenticate']).join(', ');
  const maxAge = String(options.maxAgeSeconds ?? 600);
  if (!/^\d+$/.test(maxAge)) throw new TypeError('partnerCors: maxAgeSeconds must be a whole number');

  return async function partnerCors(c, next) {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && origin !== 'null' && (await options.isAllowedOrigin(origin));

    if (c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('access-control-request-method')) {
      const headers: Record<string, string> = { Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' };
      if (allowed) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': allowMethods,
          'Access-Control-Allow-Headers': allowHeaders,
          'Access-Control-Max-Age': maxAge,
        });
      }
      return c.body(null, 204, headers);
    }

    await next();
    // On the finished response's headers, not c.header(): after `next()` that would rebuild the
    // response around a stream of its body (slower to send; see server/http/security-headers.ts).
    const headers = c.res.headers;
    headers.append('Vary', 'Origin');
    if (allowed) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Expose-Headers', exposeHeaders);
    }
  };
}
