import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Sequelize } from 'sequelize';
import type * as oidc from 'openid-client';
import { buildAuthorizationUrl } from 'openid-client';
import { ProblemError } from '../../../common/http/problem.ts';
import { limitBody, SMALL_BODY_BYTES } from '../../../common/http/body-limit.ts';
import type { ApiEnv } from '../auth/principal.ts';
import { problems } from '../auth/problems.ts';
import { assertWidgetRequest, requestOrigin } from '../auth/request-origin.ts';
import { createLoginState, deleteExpiredLoginArtefacts } from '../../domain/session/login-states.ts';
import { findActivePartner, type Partner } from '../../domain/session/partners.ts';
import { REAUTHENTICATION_MAX_AGE_SECONDS } from '../../domain/session/step-up.ts';
import type { IdpClient } from '../../domain/session/idp-client.ts';
import type { SessionStore } from '../../domain/session/session-store.ts';
import type { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';

/** What the session routes (routes.ts) hand over: their dependencies and two of their helpers. */
export interface ReauthenticationDeps {
  sequelize: Sequelize;
  publicUrl: URL;
  idp: IdpClient;
  sessions: SessionStore;
  /** Opens the partners' sealed client secrets. */
  partnerSecrets: PartnerSecretVault;
  auth: MiddlewareHandler<ApiEnv>;
  /** The scopes every log-in asks for. */
  loginScope: string;
  configurationFor(partner: Partner): Promise<oidc.Configuration>;
  readJsonObject(c: Context): Promise<Record<string, unknown>>;
}

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
export function mountReauthenticationRoutes(app: Hono<ApiEnv>, deps: ReauthenticationDeps): void {
  const smallBody = limitBody(SMALL_BODY_BYTES);
  const ownOrigin = deps.publicUrl.origin;

  app.post('/reauthentication', smallBody, deps.auth, async (c) => {
    assertWidgetRequest(c);
    const principal = sessionPrincipal(c);
    const body = await deps.readJsonObject(c);
    const lang = body.lang;
    if (lang !== undefined && lang !== 'hu' && lang !== 'en') {
      throw problems.invalidRequest([{ field: 'lang', code: 'invalid_lang', message: 'lang must be "hu" or "en"' }]);
    }
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
    const authorizationUrl = buildAuthorizationUrl(config, {
      redirect_uri: deps.idp.redirectUri,
      scope: deps.loginScope,
      code_challenge: login.codeChallenge,
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
      prompt: 'login',
      max_age: String(REAUTHENTICATION_MAX_AGE_SECONDS),
      ...(lang ? { ui_locales: lang as string } : {}),
    });
    return c.json({ authorizationUrl: authorizationUrl.href, loginSecret: login.loginSecret });
  });

  app.post('/reauthentication/ticket', smallBody, deps.auth, async (c) => {
    assertWidgetRequest(c);
    const principal = sessionPrincipal(c);
    const body = await deps.readJsonObject(c);
    const result = await deps.sessions.reauthenticate(body.ticket, body.loginSecret, requestOrigin(c, ownOrigin), {
      idHash: principal.sessionIdHash,
      accountId: principal.accountId,
      clientId: principal.clientId,
      customerId: principal.customerId,
    });
    if (result === 'invalid') throw problems.ticketInvalid();
    if (result === 'origin') throw problems.originNotAllowed();
    return c.body(null, 204);
  });
}

/** Re-authentication renews a browser session: without one (no login, or a bearer token) there is nothing to renew. */
function sessionPrincipal(c: Context<ApiEnv>) {
  const principal = c.get('principal');
  if (!principal) throw problems.unauthenticated();
  const { sessionIdHash } = principal;
  if (sessionIdHash === undefined) throw new ProblemError(400, 'session_required', 'Only a browser session (DPoP) can be re-authenticated');
  return { ...principal, sessionIdHash };
}
