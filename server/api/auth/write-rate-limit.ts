import type { MiddlewareHandler } from 'hono';
import type { Sequelize } from 'sequelize';
import { Throttle, type ThrottleRule } from '../../../common/security/throttle.ts';
import { ProblemError } from '../../../common/http/problem.ts';
import type { ApiEnv } from './principal.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Per-session limit on writes (reports, payments, changes, uploads): counted in PostgreSQL, so
 * every process shares it. Keyed by the key-bound (DPoP) session, or by client + account for bearer
 * tokens. Reads are not counted.
 */
export function writeRateLimit(sequelize: Sequelize, perMinute: number): MiddlewareHandler<ApiEnv> {
  const throttle = new Throttle(sequelize);
  const rule: ThrottleRule = { name: 'api-write', limit: perMinute, windowSeconds: 60 };
  return async function writeRateLimit(c, next) {
    const principal = c.get('principal');
    if (principal && !READS.has(c.req.method)) {
      const state = await throttle.hit(rule, principal.sessionIdHash ?? `${principal.clientId}:${principal.accountId}`);
      if (!state.allowed) {
        c.header('Retry-After', String(Math.max(1, state.retryAfter)));
        throw new ProblemError(429, 'rate_limited', 'Too many changes in a short time; try again shortly');
      }
    }
    return next();
  };
}
