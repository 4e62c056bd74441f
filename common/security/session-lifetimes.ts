/**
 * How long a customer stays logged in: the API's browser sessions and the IdP's sessions and
 * refresh tokens follow the same two numbers (`SESSION_IDLE_MINUTES`, `SESSION_ABSOLUTE_HOURS`,
 * read by server/config), so neither side outlives the other. The portal shows personal data
 * (contracts, claims, health-related documents): short by default.
 */
export interface SessionLifetimes {
  /** A session ends after this long without a request (sliding) … */
  idleSeconds: number;
  /** … and this long after the login in any case. */
  absoluteSeconds: number;
}

export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 };
