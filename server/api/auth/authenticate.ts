import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../../common/http/logger.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../session/cookie.ts';
import { IdpUnavailableError, SessionEndedError, type SessionStore } from '../session/session-store.ts';
import { InvalidTokenError, TokenKeysUnavailableError, type BearerVerifier } from './bearer.ts';
import type { ApiEnv } from './principal.ts';
import { problems } from './problems.ts';
import { assertOriginIn, assertWidgetRequest } from './request-origin.ts';

export interface AuthenticateOptions {
  sessions: SessionStore;
  bearer: BearerVerifier;
  /** The API's own origin (PUBLIC_URL): same-origin requests of the standalone portal page. */
  ownOrigin: string;
  logger: Logger;
}

/**
 * Sets `c.var.principal` from the request's credentials, and refuses bad ones; a request without
 * any goes on without a principal (put `requireCustomer()` after this where one is needed).
 *
 * - `Authorization: Bearer <JWT>` (non-browser clients): see `BearerVerifier`; else 401 `invalid_token`.
 * - The session cookie (the widgets): the request must carry `X-GP-Request: 1` (which forces a
 *   CORS preflight, so a cross-site page can't send it) and come from one of the origins of the
 *   partner the session was opened through (a session opened on partner A's site is useless on
 *   partner B's); else 403 `missing_request_header` / `origin_not_allowed`. An unknown, expired or
 *   refused session is 401 `session_expired` and the cookie is cleared. The access token is
 *   refreshed when less than a minute is left, and the idle expiry moves forward.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<ApiEnv> {
  return async function authenticate(c, next) {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer +([A-Za-z0-9_.~+/-]+=*) *$/i.exec(authorization);
      try {
        if (!match?.[1]) throw new InvalidTokenError('malformed header');
        c.set('principal', await options.bearer.verify(match[1]));
      } catch (error) {
        if (error instanceof TokenKeysUnavailableError) {
          options.logger.warn('bearer_keys_unavailable', { error: error.cause });
          throw problems.idpUnavailable();
        }
        if (!(error instanceof InvalidTokenError)) throw error;
        c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw problems.invalidToken();
      }
      return next();
    }

    const sessionId = readSessionCookie(c);
    if (sessionId === undefined) return next();
    assertWidgetRequest(c);
    const found = await options.sessions.find(sessionId);
    if (found?.status !== 'active') {
      clearSessionCookie(c);
      throw problems.sessionExpired();
    }
    const { session } = found;
    assertOriginIn(c, options.ownOrigin, session.partner.origins);
    try {
      await options.sessions.refreshIfNeeded(session);
    } catch (error) {
      if (error instanceof SessionEndedError) {
        clearSessionCookie(c);
        throw problems.sessionExpired();
      }
      if (error instanceof IdpUnavailableError) throw problems.idpUnavailable();
      throw error;
    }
    const maxAge = await options.sessions.touch(session);
    if (maxAge !== null) writeSessionCookie(c, sessionId, maxAge);

    c.set('principal', {
      customerId: session.customerId,
      accountId: session.accountId,
      clientId: session.clientId,
      policyScope: session.partner.policyScope,
      brokerId: session.partner.brokerId,
      via: 'cookie',
      sessionIdHash: session.idHash,
    });
    return next();
  };
}
