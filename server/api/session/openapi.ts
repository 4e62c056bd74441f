import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../auth/principal.ts';
import { problem } from '../problem-schema.ts';
import { dpopHeader, widgetHeader } from './schemas.ts';

/**
 * The step-up endpoints in `/api/openapi.json` (reauthentication-routes.ts validates by hand, so
 * they are described here; the other session routes are declared with `createRoute` in routes.ts).
 */

export function describeReauthenticationRoutes(api: OpenAPIHono<ApiEnv>): void {
  const r = api.openAPIRegistry;
  r.registerPath({
    method: 'post',
    path: '/session/reauthentication',
    tags: ['session'],
    summary: 'Step-up: start a new log-in for THIS session (prompt=login, max_age=300) after a `reauthentication_required` answer',
    parameters: [widgetHeader, dpopHeader],
    security: [{ session: [] }],
    request: { body: { content: { 'application/json': { schema: z.object({ lang: z.enum(['hu', 'en']).optional() }) } } } },
    responses: {
      200: {
        description: 'Open the URL in the log-in popup; keep the secret for POST /session/reauthentication/ticket',
        content: { 'application/json': { schema: z.object({ authorizationUrl: z.string().url(), loginSecret: z.string() }) } },
      },
      400: problem('invalid_request, session_required (a bearer token cannot re-authenticate)'),
      401: problem('unauthenticated, session_expired'),
    },
  });
  r.registerPath({
    method: 'post',
    path: '/session/reauthentication/ticket',
    tags: ['session'],
    summary: 'Step-up: redeem the popup’s ticket for the same session; its authentication time is now',
    parameters: [widgetHeader, dpopHeader],
    security: [{ session: [] }],
    request: { body: { content: { 'application/json': { schema: z.object({ ticket: z.string(), loginSecret: z.string() }) } } } },
    responses: {
      204: { description: 'Re-authenticated: send the refused request again' },
      400: problem('ticket_invalid (also a ticket of another session or account)'),
      401: problem('unauthenticated, session_expired'),
      403: problem('origin_not_allowed'),
    },
  });
}
