import { Hono, type MiddlewareHandler } from 'hono';
import type { ApiEnv } from './principal.ts';
import { problems } from './problems.ts';

/** 401 `unauthenticated` unless `authenticate()` found a principal. */
export function requireCustomer(): MiddlewareHandler<ApiEnv> {
  return async function requireCustomer(c, next) {
    if (!c.get('principal')) throw problems.unauthenticated();
    return next();
  };
}

/**
 * A resource router behind authentication: `api.route('/policies', customerRoutes(auth, policyRoutes(deps)))`.
 * Every route of `routes` then has `principalOf(c)`.
 */
export function customerRoutes(auth: MiddlewareHandler<ApiEnv>, routes: Hono<ApiEnv>): Hono<ApiEnv> {
  const guarded = new Hono<ApiEnv>();
  guarded.use('*', auth, requireCustomer());
  guarded.route('/', routes);
  return guarded;
}
