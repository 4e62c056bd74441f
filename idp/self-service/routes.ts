import { Hono } from 'hono';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../routes.ts';

/** Registration, e-mail verification, forgotten password (being built). */
export function selfServiceRoutes(_deps: IdpRouteDeps): Hono<PageEnv> {
  return new Hono<PageEnv>();
}
