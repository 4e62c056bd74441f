import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getOverview } from '../../domain/overview/index.ts';
import type { ApiEnv } from '../auth/principal.ts';
import { principalOf } from '../auth/principal.ts';
import { invoiceScopeOf } from '../payments/scope.ts';
import { problem } from '../problem-schema.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { actorOf, domainContext, noStore } from '../route-context.ts';
import { SECURITY } from '../shared-schemas.ts';
import { OverviewSchema } from './schemas.ts';

/** `GET /overview`: what needs the customer's attention (`<gp-overview>`). A logged-in customer only; never cached. */
const overviewRoute = createRoute({
  method: 'get',
  path: '/overview',
  tags: ['Overview'],
  summary: 'Outstanding premium, the next payment due, unread documents, open claims, renewals within 60 days, the broker',
  security: SECURITY,
  responses: {
    200: { description: "The overview, within the partner's scope", content: { 'application/json': { schema: OverviewSchema } } },
    401: problem('Not logged in'),
  },
});

export function overviewRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const router = resourceRouter();
  guard(router, deps.auth, '/overview');
  router.use('/overview', noStore);
  const ctx = domainContext(deps);
  router.openapi(overviewRoute, async (c) => {
    const invoiceScope = await invoiceScopeOf(deps.sequelize, principalOf(c));
    return c.json(await getOverview(ctx, actorOf(c), invoiceScope), 200);
  });
  return router;
}
