/**
 * How long the API's (BFF's) login artefacts live. The session matches the IdP's refresh-token
 * policy (idp/provider.ts `TTL`): 8 hours without use, 30 days at most from the login.
 */
export const LIFETIMES = {
  /** A pending login (state, nonce, PKCE verifier) between `POST /api/session/login` and the callback. */
  loginStateSeconds: 10 * 60,
  /** The one-time ticket the callback hands to the partner page, redeemed by `POST /api/session`. */
  ticketSeconds: 60,
  /** A session ends after this long without a request (sliding) … */
  sessionIdleSeconds: 8 * 3600,
  /** … and this long after the login in any case (absolute). */
  sessionAbsoluteSeconds: 30 * 24 * 3600,
  /** The idle expiry moves forward at most once per this interval. */
  touchIntervalSeconds: 60,
  /** The access token is refreshed when fewer seconds than this remain. */
  refreshMarginSeconds: 60,
  /** How long one process may hold a session's refresh (longer than the token request's timeout). */
  refreshLeaseSeconds: 30,
  /** Token endpoint / revocation requests give up after this long. */
  idpTimeoutSeconds: 10,
  /** A request that finds another process refreshing its (expired) access token waits this long at most. */
  refreshWaitMs: 8_000,
} as const;
