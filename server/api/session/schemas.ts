import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../../common/language.ts';

/** Request and response schemas of the widgets' log-in and session (`/api/session`). */

export const LangSchema = z.enum(LANGUAGES);

export const LoginStartBody = z
  .object({
    clientId: z.string().min(1).max(200).openapi({ description: "The partner's client id" }),
    mode: z.enum(['popup', 'redirect']).default('popup'),
    returnTo: z.string().max(2000).optional().openapi({ description: 'redirect mode: the partner page to come back to (one of its origins)' }),
    lang: LangSchema.optional(),
  })
  .openapi('LoginStart');

/** What `POST /session/login` and `POST /session/reauthentication` answer: open the URL, keep the secret. */
export const LoginStarted = z.object({ authorizationUrl: z.string().url(), loginSecret: z.string() }).openapi('LoginStarted');

/** A one-time ticket from the callback page, with the secret of the page that started the log-in. */
export const TicketBody = z.object({ ticket: z.string().min(1).max(200), loginSecret: z.string().min(1).max(200) }).openapi('LoginTicket');

export const SessionViewSchema = z
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

/** What `GET /api/session` (and a successful `POST /api/session`) answers. */
export type SessionView = z.infer<typeof SessionViewSchema>;

export const SessionStarted = z
  .object({
    handle: z.string().openapi({ description: 'The session handle: send it as `Authorization: DPoP <handle>`, each request with a proof of the same key' }),
    expiresIn: z.number().int(),
    session: SessionViewSchema,
  })
  .openapi('SessionStarted');

export const EndSessionAnswer = z.object({ endSessionUrl: z.string().url() }).openapi('EndSession');

/** Header parameters the session routes document (their checks stay in middleware, for their own problem codes). */
export const dpopHeader = {
  name: 'DPoP',
  in: 'header' as const,
  required: false,
  schema: { type: 'string' as const },
  description: "A DPoP proof (RFC 9449) signed by the session's key",
};
export const widgetHeader = { name: 'X-GP-Request', in: 'header' as const, required: true, schema: { type: 'string' as const, enum: ['1'] } };

export const ReauthenticationBody = z.object({ lang: LangSchema.optional() }).openapi('ReauthenticationStart');
