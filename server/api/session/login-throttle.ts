import type { MiddlewareHandler } from 'hono';
import type { Sequelize } from 'sequelize';
import { ProblemError } from '../../../common/http/problem.ts';
import type { TrustProxy } from '../../../common/http/trust-proxy.ts';
import { clientAddress } from '../../../common/security/client-address.ts';
import { Throttle, type ThrottleRule } from '../../../common/security/throttle.ts';
import type { ApiEnv } from '../auth/principal.ts';

/**
 * `POST /api/session/login` stores a login state (PKCE verifier, state, nonce) before anyone has
 * logged in: per client address, at most this many in ten minutes, counted in PostgreSQL so
 * every process shares the count. A customer starts one login at a time; a whole office or a
 * mobile carrier's shared address stays far below it, a script creating rows does not.
 */
export const LOGIN_START_ADDRESS_RULE: ThrottleRule = { name: 'api-login-start-address', limit: 120, windowSeconds: 600 };

export interface LoginThrottleDeps {
  sequelize: Sequelize;
  /** `TRUST_PROXY`: whose `X-Forwarded-For` names the client. */
  trustProxy: TrustProxy | null;
  rule?: ThrottleRule;
}

/** Counts every POST, good or bad, before it is read; past the limit 429 `rate_limited` with Retry-After. */
export function loginStartThrottle(deps: LoginThrottleDeps): MiddlewareHandler<ApiEnv> {
  const throttle = new Throttle(deps.sequelize);
  const rule = deps.rule ?? LOGIN_START_ADDRESS_RULE;
  return async function loginStartThrottle(c, next) {
    if (c.req.method !== 'POST') return next();
    const state = await throttle.hit(rule, clientAddress(c, deps.trustProxy));
    if (!state.allowed) {
      c.header('Retry-After', String(Math.max(1, state.retryAfter)));
      throw new ProblemError(429, 'rate_limited', 'Too many log-ins started from this address; try again shortly');
    }
    return next();
  };
}
