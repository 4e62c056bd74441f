import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { dropUntrustedForwarding, type TrustProxy } from '../../common/http/trust-proxy.ts';

/**
 * First middleware of the app: `X-Forwarded-*` headers count only when the peer is a proxy
 * named by `TRUST_PROXY`; from anyone else they are removed before any handler sees them.
 */
export function forwardedHeaders(trust: TrustProxy | null): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return async function forwardedHeaders(c, next) {
    if (c.env?.incoming) dropUntrustedForwarding(c.env.incoming, trust);
    await next();
  };
}
