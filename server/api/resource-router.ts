import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './auth/principal.ts';
import { problems } from './auth/problems.ts';
import { requireCustomer } from './auth/require-customer.ts';

/**
 * A resource's router: routes declared with `createRoute` + zod schemas, which both validate the
 * request and describe it in `/api/openapi.json`. A request the schema refuses answers 400
 * `invalid_request` with one entry per field, and reaches no handler (so it changes nothing).
 * Routers are mounted at the API's root, so each guards its own paths with `guard()`.
 */
export function resourceRouter(): OpenAPIHono<ApiEnv> {
  const router = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      throw problems.invalidRequest(
        result.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(body)',
          code: issue.code,
          message: issue.message,
        })),
      );
    },
  });
  return router;
}

/**
 * Every route under `prefix` (e.g. `/policies`) requires a logged-in customer: `principalOf(c)`
 * is then always there. Only the router's own paths: it is mounted at the API's root.
 */
export function guard(router: OpenAPIHono<ApiEnv>, auth: MiddlewareHandler<ApiEnv>, prefix: string): void {
  // Hono's `/x/*` also matches `/x` itself: one registration, so authentication runs once.
  router.use(`${prefix}/*`, auth, requireCustomer());
}
