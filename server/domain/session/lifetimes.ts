/**
 * How long the API's (BFF's) login artefacts live. The session's own idle and absolute lifetimes
 * are settings (common/security/session-lifetimes.ts, handed to the SessionStore), shared with
 * the IdP's refresh-token policy.
 */
export const LIFETIMES = {
  /** A pending login (state, nonce, PKCE verifier) between `POST /api/session/login` and the callback. */
  loginStateSeconds: 10 * 60,
  /** The one-time ticket the callback hands to the partner page, redeemed by `POST /api/session`. */
  ticketSeconds: 60,
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
