import { z } from '@hono/zod-openapi';

/** Request and response schemas of the account's security (`/api/security`). */
export const AccountSessionSchema = z
  .object({
    id: z.string().uuid().openapi({ description: 'The session’s public id (for ending it); not its handle' }),
    site: z.string().nullable().openapi({ description: 'The partner site it was opened through; null: another partner’s site (not named to this one)' }),
    device: z
      .string()
      .nullable()
      .openapi({ description: 'Browser and operating system in words, e.g. "Firefox, Android 14"; null if not recognised', example: 'Chrome, Windows 10' }),
    startedAt: z.string().openapi({ format: 'date-time' }),
    lastSeenAt: z.string().openapi({ format: 'date-time', description: 'Updated at most once a minute' }),
    current: z.boolean().openapi({ description: 'The session this request came with' }),
  })
  .openapi('AccountSession');

export const AccountSessionListSchema = z.object({ sessions: z.array(AccountSessionSchema) }).openapi('AccountSessionList');

export const SessionsEndedSchema = z.object({ ended: z.number().int().min(0) }).openapi('SessionsEnded');

export const SessionIdParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});

export const AccountSecuritySchema = z
  .object({
    passkeys: z.object({ count: z.number().int().min(0), lastUsedAt: z.string().nullable().openapi({ format: 'date-time' }) }),
    twoStep: z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int().min(0) }),
    links: z.object({
      manage: z.string().url().openapi({ description: 'The IdP’s security page (passkeys, two-step log-in); add `lang`' }),
      changePassword: z.string().url().openapi({ description: 'The IdP’s change-password page; add `lang`' }),
    }),
  })
  .openapi('AccountSecurity');
