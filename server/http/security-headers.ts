import type { MiddlewareHandler } from 'hono';
import type { ServerResponse } from 'node:http';

/** One year; with includeSubDomains. Sent only when PUBLIC_URL is https. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * Baseline headers for every response. Pages that need a stricter or nonce-based CSP
 * (the IdP's interaction pages) set their own, which wins because it is set later.
 */
export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    // Routes that hand the raw Node response to another handler (oidc-provider under /oidc)
    // write it themselves, past this middleware: put HSTS on the Node response up front. Headers
    // Hono writes later take precedence over these, so nothing is sent twice.
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (options.hsts && outgoing && typeof outgoing.setHeader === 'function' && !outgoing.headersSent) {
      outgoing.setHeader('Strict-Transport-Security', HSTS_VALUE);
    }
    await next();
    // Set on the finished response's headers: `c.header()` after `next()` would rebuild the
    // response with its body as a stream (@hono/node-server then writes it in pieces instead of
    // one write; measured: a third more CPU per API request).
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    // Pages with stricter needs (IdP pages, the login callback) set their own; keep theirs.
    if (!h.has('Referrer-Policy')) h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!h.has('Cross-Origin-Resource-Policy') && !c.req.path.startsWith('/sdk/')) {
      h.set('Cross-Origin-Resource-Policy', 'same-site');
    }
    if (options.hsts) h.set('Strict-Transport-Security', HSTS_VALUE);
  };
}
