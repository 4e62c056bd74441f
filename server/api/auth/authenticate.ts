import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../../common/http/logger.ts';
import { IdpUnavailableError, SessionEndedError, type SessionStore } from '../../domain/session/session-store.ts';
import { InvalidTokenError, TokenKeysUnavailableError, type BearerVerifier } from './bearer.ts';
import { checkDpopProof } from './dpop-check.ts';
import { athOfHandleSha256Hex, type DpopVerifier } from './dpop-proof.ts';
import type { ApiEnv } from './principal.ts';
import { problems } from './problems.ts';
import { assertOriginIn, assertWidgetRequest } from './request-origin.ts';

export interface AuthenticateOptions {
  sessions: SessionStore;
  bearer: BearerVerifier;
  dpop: DpopVerifier;
  /** PUBLIC_URL: its origin is the standalone portal page's (same-origin requests); proofs name URLs under it. */
  publicUrl: URL;
  logger: Logger;
}

/**
 * Sets `c.var.principal` from the request's credentials, and refuses bad ones; a request without
 * any goes on without a principal (put `requireCustomer()` after this where one is needed).
 *
 * - `Authorization: Bearer <JWT>` (non-browser clients): see `BearerVerifier`; else 401 `invalid_token`.
 * - `Authorization: DPoP <handle>` + `DPoP: <proof>` (the widgets, RFC 9449): the handle names a
 *   session opened by `POST /api/session`, which bound it to the thumbprint of the browser's key;
 *   the proof must be signed by that very key, for this method and URL, fresh, with `ath` = the
 *   handle's hash (a write's proof once only): else 401 `invalid_dpop_proof`, `use_dpop_nonce`
 *   (with a `DPoP-Nonce` to sign the retry with), `dpop_key_mismatch` or `dpop_proof_replayed`.
 *   The request must also carry `X-GP-Request: 1` and come from one of the origins of the partner
 *   the session was opened through (a session opened on partner A's site is useless on partner
 *   B's); else 403 `missing_request_header` / `origin_not_allowed`. An unknown, expired or ended
 *   session is 401 `session_expired` (its row is read on every request, so a log-out on any
 *   process counts at once). The access token is refreshed when less than a minute is left, and
 *   the idle expiry moves forward.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<ApiEnv> {
  return async function authenticate(c, next) {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined && /^Bearer /i.test(authorization)) {
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

    const handle = /^DPoP +([A-Za-z0-9_-]+) *$/i.exec(authorization ?? '')?.[1];
    if (authorization === undefined) return next();
    if (handle === undefined) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw problems.invalidToken();
    }
    assertWidgetRequest(c);
    // A handle without a proof is refused before the database is asked about it.
    if (!c.req.header('dpop')) {
      c.header('WWW-Authenticate', 'DPoP error="invalid_dpop_proof", algs="ES256"');
      throw problems.invalidDpopProof();
    }
    const found = await options.sessions.find(handle);
    if (found?.status !== 'active') throw problems.sessionExpired();
    const { session } = found;
    if (!session.dpopJkt) throw problems.sessionExpired();
    assertOriginIn(c, options.publicUrl.origin, session.partner.origins);
    // The row's id is the handle's SHA-256: the proof's `ath` is that digest too.
    await checkDpopProof(c, options.dpop, options.publicUrl, { ath: athOfHandleSha256Hex(session.idHash), boundJkt: session.dpopJkt });
    try {
      await options.sessions.refreshIfNeeded(session);
    } catch (error) {
      if (error instanceof SessionEndedError) throw problems.sessionExpired();
      if (error instanceof IdpUnavailableError) throw problems.idpUnavailable();
      throw error;
    }
    await options.sessions.touch(session);

    c.set('principal', {
      customerId: session.customerId,
      accountId: session.accountId,
      clientId: session.clientId,
      policyScope: session.partner.policyScope,
      brokerId: session.partner.brokerId,
      via: 'dpop',
      sessionIdHash: session.idHash,
    });
    return next();
  };
}
