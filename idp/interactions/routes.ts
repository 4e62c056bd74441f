import { Hono } from 'hono';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../routes.ts';

/** Login and consent (being built). */
export function interactionRoutes(_deps: IdpRouteDeps): Hono<PageEnv> {
  return new Hono<PageEnv>();
}
