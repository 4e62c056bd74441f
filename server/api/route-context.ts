import type { Context, MiddlewareHandler } from 'hono';
import type { CustomerActor, DomainContext } from '../kernel/context.ts';
import { principalOf, type ApiEnv } from './auth/principal.ts';
import type { ResourceDeps } from './resource-deps.ts';
import { limitBody, SMALL_BODY_BYTES } from '../../common/http/body-limit.ts';

/** The domain services' context from the resource deps. */
export function domainContext(deps: ResourceDeps): DomainContext {
  return { sequelize: deps.sequelize, publicUrl: deps.publicUrl };
}

/** The acting customer as the domain services take it: a broker-scoped partner passes its broker. */
export function actorOf(c: Context<ApiEnv>): CustomerActor {
  const p = principalOf(c);
  return { customerId: p.customerId, brokerId: p.policyScope === 'broker' ? p.brokerId : null, clientId: p.clientId, actorId: p.accountId };
}

/** Writes here take small JSON bodies. */
export function smallBody(): MiddlewareHandler<ApiEnv> {
  return limitBody(SMALL_BODY_BYTES);
}

/** Personal data: never cached. */
export const noStore: MiddlewareHandler<ApiEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};
