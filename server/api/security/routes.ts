import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { endAccountSession, endOtherSessions, listAccountSessions, type SessionOwner } from '../../domain/session/account-sessions.ts';
import { principalOf, type ApiEnv } from '../auth/principal.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { noStore } from '../route-context.ts';
import { problem } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import { AccountSecuritySchema, AccountSessionListSchema, SessionIdParams, SessionsEndedSchema } from './schemas.ts';

/**
 * The account's security, for `gp-profile`'s "Security" section: `GET /security` (passkeys and
 * two-step log-in, and where to manage them), `GET /security/sessions` (the account's browser
 * sessions across partner sites), `DELETE /security/sessions/{id}` (end one),
 * `DELETE /security/sessions` (end all but this one; the customer is told by e-mail).
 */
const overviewRoute = createRoute({
  method: 'get',
  path: '/security',
  tags: ['security'],
  summary: 'Passkeys and two-step log-in of the account, and the IdP pages that manage them',
  security: SECURITY,
  responses: {
    200: { description: 'The account’s security', content: { 'application/json': { schema: AccountSecuritySchema } } },
    401: problem('unauthenticated'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/security/sessions',
  tags: ['security'],
  summary: 'The account’s active sessions through every partner site, most recently used first',
  security: SECURITY,
  responses: {
    200: { description: 'The sessions', content: { 'application/json': { schema: AccountSessionListSchema } } },
    401: problem('unauthenticated'),
  },
});

const endOneRoute = createRoute({
  method: 'delete',
  path: '/security/sessions/{id}',
  tags: ['security'],
  summary: 'End one session (not this one: that is `DELETE /session`); its next request is 401 on every instance',
  security: SECURITY,
  request: { params: SessionIdParams },
  responses: {
    204: { description: 'Ended' },
    401: problem('unauthenticated'),
    404: problem('session_not_found (also another customer’s session)'),
    409: problem('current_session: log out instead'),
  },
});

const endOthersRoute = createRoute({
  method: 'delete',
  path: '/security/sessions',
  tags: ['security'],
  summary: 'End every session of the account but this one; the customer gets a notice e-mail when any ended',
  security: SECURITY,
  responses: {
    200: { description: 'How many ended', content: { 'application/json': { schema: SessionsEndedSchema } } },
    401: problem('unauthenticated'),
  },
});

function ownerOf(c: Context<ApiEnv>): SessionOwner {
  const p = principalOf(c);
  return { customerId: p.customerId, accountId: p.accountId, clientId: p.clientId, policyScope: p.policyScope, currentIdHash: p.sessionIdHash };
}

export function securityRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const router = resourceRouter();
  guard(router, deps.auth, '/security');
  router.use('/security', noStore);
  router.use('/security/*', noStore);

  router.openapi(overviewRoute, async (c) => {
    const facts = await deps.accountSecurity(principalOf(c).accountId);
    const lastUsed = facts.passkeys.map((p) => p.lastUsedAt).filter((t): t is string => t !== null);
    return c.json(
      {
        passkeys: { count: facts.passkeys.length, lastUsedAt: lastUsed.sort().at(-1) ?? null },
        twoStep: { enabled: facts.twoStep.enabled, recoveryCodesLeft: facts.twoStep.recoveryCodesLeft },
        links: { manage: new URL('/account/security', deps.publicUrl).href, changePassword: new URL('/account/change-password', deps.publicUrl).href },
      },
      200,
    );
  });

  router.openapi(listRoute, async (c) => c.json({ sessions: await listAccountSessions(deps.sequelize, ownerOf(c)) }, 200));

  router.openapi(endOneRoute, async (c) => {
    await endAccountSession(deps.sequelize, deps.sessions, ownerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });

  router.openapi(endOthersRoute, async (c) => c.json({ ended: await endOtherSessions(deps.sequelize, deps.sessions, ownerOf(c), deps.publicUrl) }, 200));

  return router;
}
