import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { changePolicy, getPolicy, listPolicies, type CustomerActor, type DomainContext } from '../../domain/policies/index.ts';
import { principalOf, type ApiEnv, type Principal } from '../auth/principal.ts';
import { requireRecentAuthentication } from '../auth/step-up.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { ListQuerySchema, PolicyChangeBodySchema, PolicyChangeResultSchema, PolicyDetailSchema, PolicyIdParamsSchema, PolicyListSchema } from './schemas.ts';
import { problem } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import { limitBody } from '../../../common/http/body-limit.ts';

/**
 * `/policies`: the customer's contracts (szerződések), live and cancelled, one contract's detail,
 * and contract data changes. Everything acts for the session's customer within the partner's
 * policy scope: a broker-scoped partner sees only its broker's policies, and another customer's
 * or another broker's policy answers 404 `policy_not_found`, exactly like a missing id.
 * Domain refusals propagate as problem documents (see ../domain-problem.ts).
 */

const tags = ['policies'];

const listRoute = createRoute({
  method: 'get',
  path: '/policies',
  tags,
  security: SECURITY,
  summary: "The customer's contracts, live and cancelled",
  description: 'Live first, newest first; `counts` holds the number per status whatever the filter.',
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'One page of policies', content: { 'application/json': { schema: PolicyListSchema } } },
    400: problem('invalid_request'),
    401: problem('unauthenticated'),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/policies/{id}',
  tags,
  security: SECURITY,
  summary: 'One contract with its invoices, claims, documents, change requests and allowed payment terms',
  request: { params: PolicyIdParamsSchema },
  responses: {
    200: { description: 'The policy', content: { 'application/json': { schema: PolicyDetailSchema } } },
    401: problem('unauthenticated'),
    404: problem('policy_not_found (also for another customer’s or another broker’s policy)'),
  },
});

const changeRoute = createRoute({
  method: 'patch',
  path: '/policies/{id}',
  tags,
  security: SECURITY,
  summary: 'Change contract data: payment method, payment frequency, correspondence address',
  description:
    'Each changed field becomes a change request, applied at once or pending back-office review. ' +
    'Changes applied at once are confirmed by a document in the mailbox (with its e-mail notification).',
  middleware: [limitBody(4 * 1024)] as const,
  request: { params: PolicyIdParamsSchema, body: { required: true, content: { 'application/json': { schema: PolicyChangeBodySchema } } } },
  responses: {
    200: { description: 'The change requests and the confirmation document', content: { 'application/json': { schema: PolicyChangeResultSchema } } },
    400: problem('invalid_request (not JSON of the right shape)'),
    401: problem('unauthenticated'),
    403: problem('reauthentication_required: a payment method change needs a log-in from the last five minutes; log in again, then send the same request'),
    404: problem('policy_not_found'),
    409: problem('policy_not_active, change_already_pending, policy_changed_concurrently'),
    413: problem('payload_too_large'),
    422: problem('invalid_payment_method, invalid_payment_frequency, invalid_correspondence_address, unknown_change, no_change, payment_terms_not_allowed'),
  },
});

/** A path id as the domain sees it: anything but a plain positive number can't exist (→ not_found). */
function policyIdOf(raw: string): number {
  return /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : Number.NaN;
}

function actorOf(principal: Principal): CustomerActor {
  return {
    customerId: principal.customerId,
    brokerId: principal.policyScope === 'broker' ? principal.brokerId : null,
    clientId: principal.clientId,
    actorId: principal.accountId,
  };
}

export function policyRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const ctx: DomainContext = { sequelize: deps.sequelize, publicUrl: deps.publicUrl };
  const router = resourceRouter();
  guard(router, deps.auth, '/policies');
  for (const prefix of ['/policies', '/policies/*']) {
    router.use(prefix, async (c, next) => {
      await next();
      c.res.headers.set('Cache-Control', 'no-store');
    });
  }

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const actor = actorOf(principalOf(c));
    const list = await listPolicies(ctx, { ...actor, status: query.status, page: query.page, pageSize: query.pageSize });
    return c.json(list, 200);
  });

  router.openapi(detailRoute, async (c) => {
    const { id } = c.req.valid('param');
    const detail = await getPolicy(ctx, { ...actorOf(principalOf(c)), policyId: policyIdOf(id) });
    return c.json(detail, 200);
  });

  router.openapi(changeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    // Step-up: the payment method moves money; the other fields don't need a fresh log-in.
    if (changes.paymentMethod !== undefined) await requireRecentAuthentication(c, deps.sequelize);
    const result = await changePolicy(ctx, { ...actorOf(principalOf(c)), policyId: policyIdOf(id), changes });
    return c.json(result, 200);
  });

  return router;
}
