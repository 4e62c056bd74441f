import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../auth/principal.ts';
import { problem } from '../problem-schema.ts';

/**
 * The session endpoints in `/api/openapi.json`. They are plain Hono routes (the callback answers
 * HTML, the others validate by hand), so they are described here rather than by `createRoute`;
 * the schemas mirror the checks in `routes.ts`.
 */

export const LoginStartBody = z
  .object({
    clientId: z.string(),
    mode: z.enum(['popup', 'redirect']).default('popup'),
    returnTo: z.string().optional().openapi({ description: 'redirect mode: the partner page to come back to (one of its origins)' }),
    lang: z.enum(['hu', 'en']).optional(),
  })
  .openapi('LoginStart');

const SessionView = z
  .union([
    z.object({
      authenticated: z.literal(true),
      customer: z.object({ name: z.string(), customerNumber: z.string(), kind: z.enum(['person', 'company']) }),
      clientId: z.string(),
      partner: z.object({ name: z.string() }),
    }),
    z.object({ authenticated: z.literal(false) }),
  ])
  .openapi('Session');

const SessionStarted = z
  .object({
    handle: z.string().openapi({ description: 'The session handle: send it as `Authorization: DPoP <handle>`, each request with a proof of the same key' }),
    expiresIn: z.number().int(),
    session: SessionView,
  })
  .openapi('SessionStarted');

const dpopHeader = {
  name: 'DPoP',
  in: 'header' as const,
  required: false,
  schema: { type: 'string' as const },
  description: "A DPoP proof (RFC 9449) signed by the session's key",
};

const widgetHeader = { name: 'X-GP-Request', in: 'header' as const, required: true, schema: { type: 'string' as const, enum: ['1'] } };

export function describeSessionRoutes(api: OpenAPIHono<ApiEnv>): void {
  const r = api.openAPIRegistry;
  r.registerPath({
    method: 'post',
    path: '/session/login',
    tags: ['session'],
    summary: 'Start a login for a partner: the authorization URL for the popup (or the whole page)',
    parameters: [widgetHeader],
    request: { body: { content: { 'application/json': { schema: LoginStartBody } } } },
    responses: {
      200: {
        description: 'Open the URL; keep the secret for POST /session',
        content: { 'application/json': { schema: z.object({ authorizationUrl: z.string().url(), loginSecret: z.string() }) } },
      },
      400: problem('invalid_request, client_unknown'),
      403: problem('origin_not_allowed: the page is not on one of the partner’s origins'),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/session/callback',
    tags: ['session'],
    summary: 'Where the IdP sends the browser back; hands the partner page a one-time ticket (postMessage or #gp-ticket)',
    responses: {
      200: { description: 'A page that posts the ticket to the partner origin and closes' },
      303: { description: 'Redirect mode: back to the partner page' },
      400: { description: 'Unknown or used login' },
    },
  });
  r.registerPath({
    method: 'post',
    path: '/session',
    tags: ['session'],
    summary: "Redeem the ticket once with a DPoP proof of the page's key: opens a session bound to that key and answers its handle",
    parameters: [widgetHeader, dpopHeader],
    request: { body: { content: { 'application/json': { schema: z.object({ ticket: z.string(), loginSecret: z.string() }) } } } },
    responses: {
      200: { description: 'Logged in', content: { 'application/json': { schema: SessionStarted } } },
      400: problem('ticket_invalid'),
      401: problem('invalid_dpop_proof, use_dpop_nonce (retry with the DPoP-Nonce given), dpop_proof_replayed'),
      403: problem('origin_not_allowed'),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/session',
    tags: ['session'],
    summary: 'Who is logged in',
    parameters: [widgetHeader, dpopHeader],
    security: [{ session: [] }, { bearer: [] }],
    responses: {
      200: { description: 'The session, or { authenticated: false }', content: { 'application/json': { schema: SessionView } } },
      401: problem('session_expired, invalid_dpop_proof, use_dpop_nonce, dpop_key_mismatch'),
    },
  });
  r.registerPath({
    method: 'delete',
    path: '/session',
    tags: ['session'],
    summary: 'Log out: revokes the tokens and ends the session on every instance; ?endIdpSession=1 also returns the IdP’s end-session URL',
    parameters: [widgetHeader, dpopHeader, { name: 'endIdpSession', in: 'query', required: false, schema: { type: 'string', enum: ['1'] } }],
    security: [{ session: [] }],
    responses: {
      204: { description: 'Logged out' },
      200: {
        description: 'Logged out; open endSessionUrl to end the IdP session too',
        content: { 'application/json': { schema: z.object({ endSessionUrl: z.string().url() }) } },
      },
    },
  });
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
