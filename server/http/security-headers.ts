import type { MiddlewareHandler } from 'hono';

/**
 * Baseline headers for every response. Pages that need a stricter or nonce-based CSP
 * (the IdP's interaction pages) set their own, which wins because it is set later.
 */
export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    // Pages with stricter needs (IdP pages, the login callback) set their own; keep theirs.
    if (!h.has('Referrer-Policy')) h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!h.has('Cross-Origin-Resource-Policy') && !c.req.path.startsWith('/sdk/')) {
      h.set('Cross-Origin-Resource-Policy', 'same-site');
    }
    if (options.hsts) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
