import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { QueryTypes, type Sequelize } from 'sequelize';
import * as oidc from 'openid-client';
import type { Logger } from '../../../common/http/logger.ts';
import type { ApiEnv, Principal } from '../auth/principal.ts';
import { problems } from '../auth/problems.ts';
import { assertOriginIn, assertWidgetRequest, requestOrigin } from '../auth/request-origin.ts';
import { checkDpopProof } from '../auth/dpop-check.ts';
import type { DpopVerifier } from '../auth/dpop-proof.ts';
import { callbackHeaders, failurePage, popupResultPage, type CallbackPage, type LoginResultMessage } from './callback-page.ts';
import type { IdpClient } from '../../domain/session/idp-client.ts';
import { consumeLoginState, createLoginState, deleteExpiredLoginArtefacts, type PendingLogin } from '../../domain/session/login-states.ts';
import { describeError } from '../../domain/session/log-safe.ts';
import { findActivePartner, type Partner } from '../../domain/session/partners.ts';
import type { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';
import type { SessionStore } from '../../domain/session/session-store.ts';
import { limitBody, SMALL_BODY_BYTES } from '../../../common/http/body-limit.ts';
import { problem } from '../problem-schema.ts';
import { resourceRouter } from '../resource-router.ts';
import {
  dpopHeader,
  EndSessionAnswer,
  LoginStartBody,
  LoginStarted,
  SessionStarted,
  SessionViewSchema,
  TicketBody,
  widgetHeader,
  type SessionView,
} from './schemas.ts';
import { deviceLabel } from '../../domain/session/device-label.ts';
import { REAUTHENTICATION_MAX_AGE_SECONDS } from '../../domain/session/step-up.ts';
import { mountReauthenticationRoutes } from './reauthentication-routes.ts';
import { loginUrl } from './login-url.ts';
import { refuseAsTicketInvalid, widgetOnly } from './route-guards.ts';

export interface SessionRoutesDeps {
  sequelize: Sequelize;
  /** PUBLIC_URL: its origin is the standalone portal page's (same-origin requests); proofs name URLs under it. */
  publicUrl: URL;
  dpop: DpopVerifier;
  idp: IdpClient;
  sessions: SessionStore;
  /** Opens the partners' sealed client secrets. */
  partnerSecrets: PartnerSecretVault;
  /** `authenticate()`: `GET /api/session` answers for whoever it finds. */
  auth: MiddlewareHandler<ApiEnv>;
  logger: Logger;
}

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['session'],
  summary: 'Start a login for a partner: the authorization URL for the popup (or the whole page)',
  parameters: [widgetHeader],
  middleware: [limitBody(SMALL_BODY_BYTES), widgetOnly] as const,
  request: { body: { required: true, content: { 'application/json': { schema: LoginStartBody } } } },
  responses: {
    200: { description: 'Open the URL; keep the secret for POST /session', content: { 'application/json': { schema: LoginStarted } } },
    400: problem('invalid_request (also `return_to_not_allowed` on returnTo), client_unknown'),
    403: problem('origin_not_allowed: the page is not on one of the partner’s origins'),
  },
});

const callbackRoute = createRoute({
  method: 'get',
  path: '/callback',
  tags: ['session'],
  summary: 'Where the IdP sends the browser back; hands the partner page a one-time ticket (postMessage or #gp-ticket)',
  responses: {
    200: { description: 'A page that posts the ticket to the partner origin and closes', content: { 'text/html': { schema: z.string() } } },
    303: { description: 'Redirect mode: back to the partner page' },
    400: { description: 'Unknown or used login', content: { 'text/html': { schema: z.string() } } },
  },
});

const redeemRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['session'],
  summary: "Redeem the ticket once with a DPoP proof of the page's key: opens a session bound to that key and answers its handle",
  parameters: [widgetHeader, dpopHeader],
  middleware: [limitBody(SMALL_BODY_BYTES), widgetOnly] as const,
  request: { body: { required: true, content: { 'application/json': { schema: TicketBody } } } },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: SessionStarted } } },
    400: problem('ticket_invalid (also for a body without a ticket or secret)'),
    401: problem('invalid_dpop_proof, use_dpop_nonce (retry with the DPoP-Nonce given), dpop_proof_replayed'),
    403: problem('origin_not_allowed'),
  },
});

const getSessionRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['session'],
  summary: 'Who is logged in',
  parameters: [widgetHeader, dpopHeader],
  security: [{ session: [] }, { bearer: [] }],
  responses: {
    200: { description: 'The session, or { authenticated: false }', content: { 'application/json': { schema: SessionViewSchema } } },
    401: problem('session_expired, invalid_dpop_proof, use_dpop_nonce, dpop_key_mismatch'),
  },
});

const logoutRoute = createRoute({
  method: 'delete',
  path: '/',
  tags: ['session'],
  summary: 'Log out: revokes the tokens and ends the session on every instance; ?endIdpSession=1 also returns the IdP’s end-session URL',
  parameters: [widgetHeader, dpopHeader],
  security: [{ session: [] }],
  request: { query: z.object({ endIdpSession: z.string().max(8).optional().openapi({ description: '`1`: also answer the IdP’s end-session URL' }) }) },
  responses: {
    204: { description: 'Logged out' },
    200: { description: 'Logged out; open endSessionUrl to end the IdP session too', content: { 'application/json': { schema: EndSessionAnswer } } },
  },
});

/**
 * The widgets' login and session, mounted at `/api/session`:
 *
 * - `POST /login` `{ clientId, mode: 'popup'|'redirect', returnTo?, lang? }` from a page on one of
 *   the partner's origins → `{ authorizationUrl, loginSecret }`: the popup (or the whole page)
 *   opens the URL; the page keeps the secret (in memory, or sessionStorage across the redirect).
 *   The URL asks for `prompt=login`: the IdP's log-in form every time, whatever session it holds.
 * - `GET /callback`: where the IdP sends the browser back (first-party on the insurer's origin).
 *   Exchanges the code server-side and hands the partner page a one-time ticket: a popup
 *   `postMessage`s `{ type: 'gp-login', ticket }` (or `{ type: 'gp-login-error', code }`) to the
 *   partner's exact origin; redirect mode goes back to `returnTo#gp-ticket=…` (or `#gp-login-error=…`).
 * - `POST /` `{ ticket, loginSecret }` + `DPoP: <proof>` from the same origin → opens the session,
 *   bound to the proof key's thumbprint, and answers `{ handle, expiresIn, session }`. The secret
 *   binds the ticket to the page that started the login (no login CSRF); the proof binds the
 *   session to the page's non-extractable key, so the handle is worthless anywhere else.
 * - `GET /` → the session (`{ authenticated: false }` without one); with `Authorization: DPoP`.
 * - `DELETE /` (with `Authorization: DPoP`) → revokes the session's refresh token and ends it; with
 *   `?endIdpSession=1` answers `{ endSessionUrl }` to end the IdP's login too.
 *
 * - `POST /reauthentication`, `POST /reauthentication/ticket`: step-up of the current session
 *   (see ./reauthentication-routes.ts).
 *
 * Every request but the callback must carry `X-GP-Request: 1`. Nothing here ever answers a token
 * in a body or URL; the handle appears once, in the body of `POST /`, and never in a URL.
 */
export function sessionRoutes(deps: SessionRoutesDeps): OpenAPIHono<ApiEnv> {
  const { sequelize, idp, sessions, logger, partnerSecrets } = deps;
  const ownOrigin = deps.publicUrl.origin;
  const app = resourceRouter();
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  const authenticated = { middleware: [deps.auth] };

  app.openapi(loginRoute, async (c) => {
    const { clientId, mode, returnTo: wanted, lang } = c.req.valid('json');
    const partner = await findActivePartner(sequelize, partnerSecrets, clientId);
    if (!partner?.clientSecret) throw problems.clientUnknown();
    const origin = assertOriginIn(c, ownOrigin, partner.origins);
    const returnTo = mode === 'redirect' ? parseReturnTo(wanted, origin) : null;

    const config = await configurationFor(partner);
    await deleteExpiredLoginArtefacts(sequelize);
    const login = await createLoginState(sequelize, { clientId: partner.clientId, mode, origin, returnTo });
    return c.json({ authorizationUrl: loginUrl(config, idp, login, lang).href, loginSecret: login.loginSecret }, 200);
  });

  mountReauthenticationRoutes(app, { ...deps, configurationFor });

  app.openapi(callbackRoute, async (c) => {
    const params = new URL(c.req.url).searchParams;
    const state = params.get('state');
    const login = state ? await consumeLoginState(sequelize, state) : undefined;
    if (!login || !state) return page(c, failurePage(), 400);
    const partner = await findActivePartner(sequelize, partnerSecrets, login.clientId);
    // The partner may have been removed, or this origin unregistered, while the customer logged in.
    if (!partner?.clientSecret || !partner.origins.includes(login.origin)) return page(c, failurePage(), 400);

    const error = params.get('error');
    if (error) return answer(c, login, { type: 'gp-login-error', code: /^[a-z_]{1,64}$/.test(error) ? error : 'login_failed' });
    try {
      const ticket = await finishLogin(partner, login, state, params);
      return answer(c, login, { type: 'gp-login', ticket });
    } catch (failure) {
      logger.warn('bff_login_failed', { clientId: login.clientId, error: describeError(failure) });
      return answer(c, login, { type: 'gp-login-error', code: 'login_failed' });
    }
  });

  app.openapi(
    redeemRoute,
    async (c) => {
      const { ticket, loginSecret } = c.req.valid('json');
      // The proof first: a ticket is used up by any attempt, and must not be by one without a key.
      const jkt = await checkDpopProof(c, deps.dpop, deps.publicUrl);
      const device = deviceLabel(c.req.header('user-agent'));
      const result = await sessions.redeemTicket(ticket, loginSecret, requestOrigin(c, ownOrigin), jkt, device);
      if (result.kind === 'invalid') throw problems.ticketInvalid();
      if (result.kind === 'origin') throw problems.originNotAllowed();
      const session = await sessionView(sequelize, { customerId: result.customerId, clientId: result.clientId });
      return c.json({ handle: result.handle, expiresIn: result.expiresIn, session }, 200);
    },
    (result) => refuseAsTicketInvalid(result),
  );

  app.openapi({ ...getSessionRoute, ...authenticated }, async (c) => {
    const principal = c.get('principal');
    return c.json(principal ? await sessionView(sequelize, principal) : ({ authenticated: false } satisfies SessionView), 200);
  });

  app.openapi({ ...logoutRoute, ...authenticated }, async (c) => {
    assertWidgetRequest(c);
    const sessionIdHash = c.get('principal')?.sessionIdHash;
    if (sessionIdHash === undefined) return c.body(null, 204);

    const ended = await sessions.end(sessionIdHash, 'logout', { revoke: true });
    if (ended && c.req.valid('query').endIdpSession === '1') {
      const partner = await findActivePartner(sequelize, partnerSecrets, ended.clientId);
      if (partner?.clientSecret) {
        const endSessionUrl = oidc.buildEndSessionUrl(await configurationFor(partner), { client_id: partner.clientId });
        return c.json({ endSessionUrl: endSessionUrl.href }, 200);
      }
    }
    return c.body(null, 204);
  });

  async function configurationFor(partner: Partner): Promise<oidc.Configuration> {
    try {
      return await idp.configurationFor({ clientId: partner.clientId, clientSecret: partner.clientSecret! });
    } catch (error) {
      logger.warn('idp_discovery_failed', { error: describeError(error) });
      throw problems.idpUnavailable();
    }
  }

  /** The code exchange (PKCE, state, nonce, the IdP's `iss`), then the tokens go under a one-time ticket. */
  async function finishLogin(partner: Partner, login: PendingLogin, state: string, params: URLSearchParams): Promise<string> {
    const config = await idp.configurationFor({ clientId: partner.clientId, clientSecret: partner.clientSecret! });
    // The callback URL as the IdP addressed it (PUBLIC_URL), whatever host the request came in on: it is the redirect_uri sent.
    const currentUrl = new URL(idp.redirectUri);
    currentUrl.search = params.toString();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
      maxAge: REAUTHENTICATION_MAX_AGE_SECONDS,
    });
    const claims = tokens.claims();
    const sub = claims?.sub;
    const authTime = claims?.auth_time;
    if (typeof authTime !== 'number') throw new Error('the ID token lacks auth_time');
    if (!sub || !tokens.refresh_token) throw new Error('the token response lacks an ID token subject or a refresh token');
    const [account] = await sequelize.query<{ customer_id: number }>(`select customer_id from accounts where id = cast(:sub as uuid)`, {
      replacements: { sub },
      type: QueryTypes.SELECT,
    });
    if (!account) throw new Error('the ID token names no known account');
    return sessions.issueTicket({
      customerId: account.customer_id,
      clientId: partner.clientId,
      accountId: sub,
      origin: login.origin,
      mode: login.mode,
      binding: login.nonce,
      tokens: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token },
      expiresIn: tokens.expires_in ?? 300,
      authTime,
      reauthOf: login.reauthOf,
      // Which IdP log-in session this came from: a password change there keeps this session.
      idpSession: typeof claims?.idp_session === 'string' ? claims.idp_session : null,
    });
  }

  return app;
}

/** Popup: the page that posts the result to the opener. Redirect: back to the partner page, the result in the fragment. */
function answer(c: Context, login: PendingLogin, message: LoginResultMessage): Response {
  if (login.mode === 'redirect' && login.returnTo) {
    const target = new URL(login.returnTo);
    target.hash = message.type === 'gp-login' ? `gp-ticket=${message.ticket}` : `gp-login-error=${message.code}`;
    return c.body(null, 303, { ...callbackHeaders(), Location: target.href });
  }
  return page(c, popupResultPage(message, login.origin), 200);
}

function page(c: Context, result: CallbackPage, status: 200 | 400): Response {
  return c.body(result.html, status, { ...result.headers, 'Content-Type': 'text/html; charset=utf-8' });
}

async function sessionView(sequelize: Sequelize, principal: Pick<Principal, 'customerId' | 'clientId'>): Promise<SessionView> {
  const [row] = await sequelize.query<{ name: string; customer_number: string; kind: 'person' | 'company'; display_name: string }>(
    `select c.name, c.customer_number, c.kind, pc.display_name
       from customers c cross join partner_clients pc
      where c.id = :customerId and pc.client_id = :clientId`,
    { replacements: { customerId: principal.customerId, clientId: principal.clientId }, type: QueryTypes.SELECT },
  );
  if (!row) throw problems.sessionExpired();
  return {
    authenticated: true,
    customer: { name: row.name, customerNumber: row.customer_number, kind: row.kind },
    clientId: principal.clientId,
    partner: { name: row.display_name },
  };
}

/** Redirect mode's `returnTo`: an absolute http(s) URL on the requesting origin; its fragment is dropped (the result goes there). */
function parseReturnTo(raw: unknown, origin: string): string {
  const refuse = () =>
    problems.invalidRequest([{ field: 'returnTo', code: 'return_to_not_allowed', message: "returnTo must be a URL on the page's own origin" }]);
  if (typeof raw !== 'string' || raw.length > 2000) throw refuse();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse();
  }
  if (url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) throw refuse();
  url.hash = '';
  return url.href;
}
