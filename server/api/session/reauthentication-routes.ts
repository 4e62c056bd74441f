import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Sequelize } from 'sequelize';
import type * as oidc from 'openid-client';
import { limitBody, SMALL_BODY_BYTES } from '../../../common/http/body-limit.ts';
import type { ApiEnv } from '../auth/principal.ts';
import { problems } from '../auth/problems.ts';
import { requestOrigin } from '../auth/request-origin.ts';
import { problem } from '../problem-schema.ts';
import { createLoginState, deleteExpiredLoginArtefacts } from '../../domain/session/login-states.ts';
import { findActivePartner, type Partner } from '../../domain/session/partners.ts';
import type { IdpClient } from '../../domain/session/idp-client.ts';
import type { SessionStore } from '../../domain/session/session-store.ts';
import type { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';
import { loginUrl } from './login-url.ts';
import { browserSessionOnly, refuseAsTicketInvalid, sessionPrincipal, widgetOnly } from './route-guards.ts';
import { dpopHeader, LoginStarted, ReauthenticationBody, TicketBody, widgetHeader } from './schemas.ts';

/** What the session routes (routes.ts) hand over: their dependencies and how to reach the IdP as a partner. */
export interface ReauthenticationDeps {
  sequelize: Sequelize;
  publicUrl: URL;
  idp: IdpClient;
  sessions: SessionStore;
  /** Opens the partners' sealed client secrets. */
  partnerSecrets: PartnerSecretVault;
  auth: MiddlewareHandler<ApiEnv>;
  configurationFor(partner: Partner): Promise<oidc.Configuration>;
}

/** Body limit, the session, the widgets' header, a browser session: all before the body is validated. */
const guards = (auth: MiddlewareHandler<ApiEnv>) => [limitBody(SMALL_BODY_BYTES), auth, widgetOnly, browserSessionOnly];

const startRoute = (auth: MiddlewareHandler<ApiEnv>) =>
  createRoute({
    method: 'post',
    path: '/reauthentication',
    tags: ['session'],
    summary: 'Step-up: start a new log-in for THIS session (prompt=login, max_age=300) after a `reauthentication_required` answer',
    parameters: [widgetHeader, dpopHeader],
    security: [{ session: [] }],
    middleware: guards(auth),
    request: { body: { required: true, content: { 'application/json': { schema: ReauthenticationBody } } } },
    responses: {
      200: {
        description: 'Open the URL in the log-in popup; keep the secret for POST /session/reauthentication/ticket',
        content: { 'application/json': { schema: LoginStarted } },
      },
      400: problem('invalid_request, session_required (a bearer token cannot re-authenticate)'),
      401: problem('unauthenticated, session_expired'),
    },
  });

const ticketRoute = (auth: MiddlewareHandler<ApiEnv>) =>
  createRoute({
    method: 'post',
    path: '/reauthentication/ticket',
    tags: ['session'],
    summary: 'Step-up: redeem the popup’s ticket for the same session; its authentication time is now',
    parameters: [widgetHeader, dpopHeader],
    security: [{ session: [] }],
    middleware: guards(auth),
    request: { body: { required: true, content: { 'application/json': { schema: TicketBody } } } },
    responses: {
      204: { description: 'Re-authenticated: send the refused request again' },
      400: problem('ticket_invalid (also a ticket of another session or account, or a body without a ticket or secret)'),
      401: problem('unauthenticated, session_expired'),
      403: problem('origin_not_allowed'),
    },
  });

/**
 * Step-up of the current session (it stays the same session, bound to the same key):
 *
 * - `POST /reauthentication` `{ lang? }` with the session's `Authorization: DPoP` → `{ authorizationUrl,
 *   loginSecret }`, as `POST /login` answers: the widget opens the URL in the log-in popup. It asks the
 *   IdP for `prompt=login` and `max_age=300`, so the customer proves who they are again.
 * - The callback (routes.ts) hands the popup's page a ticket as for any log-in; that ticket only
 *   renews the session that started it.
 * - `POST /reauthentication/ticket` `{ ticket, loginSecret }` with the same session → 204: the
 *   session has the fresh log-in's `auth_time` (and tokens); the widget sends its change again.
 *   A ticket of another session, another account or another origin is `ticket_invalid` /
 *   `origin_not_allowed`, and is used up.
 */
export function mountReauthenticationRoutes(app: OpenAPIHono<ApiEnv>, deps: ReauthenticationDeps): void {
  const ownOrigin = deps.publicUrl.origin;

  app.openapi(startRoute(deps.auth), async (c) => {
    const principal = sessionPrincipal(c);
    const { lang } = c.req.valid('json');
    const partner = await findActivePartner(deps.sequelize, deps.partnerSecrets, principal.clientId);
    const origin = requestOrigin(c, ownOrigin);
    // authenticate() has checked the origin against the session's partner already.
    if (!partner?.clientSecret || !origin) throw problems.sessionExpired();
    const config = await deps.configurationFor(partner);
    await deleteExpiredLoginArtefacts(deps.sequelize);
    const login = await createLoginState(deps.sequelize, {
      clientId: partner.clientId,
      mode: 'popup',
      origin,
      returnTo: null,
      reauthOf: principal.sessionIdHash,
    });
    return c.json({ authorizationUrl: loginUrl(config, deps.idp, login, lang).href, loginSecret: login.loginSecret }, 200);
  });

  app.openapi(
    ticketRoute(deps.auth),
    async (c) => {
      const principal = sessionPrincipal(c);
      const { ticket, loginSecret } = c.req.valid('json');
      const result = await deps.sessions.reauthenticate(ticket, loginSecret, requestOrigin(c, ownOrigin), {
        idHash: principal.sessionIdHash,
        accountId: principal.accountId,
        clientId: principal.clientId,
        customerId: principal.customerId,
      });
      if (result === 'invalid') throw problems.ticketInvalid();
      if (result === 'origin') throw problems.originNotAllowed();
      return c.body(null, 204);
    },
    (result) => refuseAsTicketInvalid(result),
  );
}
