import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../auth/principal.ts';
import type { ResourceDeps } from '../resources.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { noStore } from './context.ts';
import { mountEmailChangeRoutes } from './email-change-routes.ts';
import { mountMailboxRoutes } from './mailbox-routes.ts';
import { mountProfileRoutes } from './profile-routes.ts';
import { mountDocumentRequestRoutes } from './request-routes.ts';

/**
 * `/documents` (the mailbox), `/document-requests` and `/me` (the profile). Every path needs a
 * logged-in customer and answers `Cache-Control: no-store`.
 */
export function documentRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const router = resourceRouter();
  for (const prefix of ['/documents', '/document-requests', '/me']) {
    guard(router, deps.auth, prefix);
    router.use(prefix, noStore);
    router.use(`${prefix}/*`, noStore);
  }
  mountMailboxRoutes(router, deps);
  mountDocumentRequestRoutes(router, deps);
  mountProfileRoutes(router, deps);
  mountEmailChangeRoutes(router, deps);
  return router;
}
