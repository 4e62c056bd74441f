import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from '../../../common/http/problem.ts';
import type { ApiEnv } from '../auth/principal.ts';
import { problems } from '../auth/problems.ts';
import { assertWidgetRequest } from '../auth/request-origin.ts';

/** Every session route but the callback comes from the widgets' own code: `X-GP-Request: 1`, checked before the body. */
export const widgetOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  assertWidgetRequest(c);
  await next();
};

/**
 * A ticket's body that is not two strings answers as any unusable ticket does (`ticket_invalid`),
 * not `invalid_request`: to the page, a missing secret and a wrong one are the same failure.
 */
export function refuseAsTicketInvalid(result: { success: boolean }): undefined {
  if (!result.success) throw problems.ticketInvalid();
  return undefined;
}

/** Re-authentication renews a browser session: without one (no log-in, or a bearer token) there is nothing to renew. */
export function sessionPrincipal(c: Context<ApiEnv>) {
  const principal = c.get('principal');
  if (!principal) throw problems.unauthenticated();
  const { sessionIdHash } = principal;
  if (sessionIdHash === undefined) throw new ProblemError(400, 'session_required', 'Only a browser session (DPoP) can be re-authenticated');
  return { ...principal, sessionIdHash };
}

/** `sessionPrincipal()` as a middleware: before the body is read, so an anonymous request is 401 whatever it sends. */
export const browserSessionOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  sessionPrincipal(c);
  await next();
};
