import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Throttle } from '../../../common/security/throttle.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { EMAIL_CHANGE_PASSWORD_RULE, requestEmailChange } from '../../domain/profile/email-change.ts';
import { ProblemError } from '../../../common/http/problem.ts';
import type { ApiEnv } from '../auth/principal.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { actorOf, domainContext, smallBody } from '../route-context.ts';
import { problemContent } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import { requireRecentAuthentication } from '../auth/step-up.ts';

/**
 * `POST /me/email-change`: the new address and the password again. The change waits for the
 * new address to confirm a link (sent there; the old address is told). An address another
 * account uses answers the same 202 and sends nothing. Step-up: the session must have logged in
 * within five minutes (else 403 `reauthentication_required`, checked before the password).
 */
const EmailChangeBody = z
  .strictObject({
    newEmail: z.string().max(1000).openapi({ example: 'uj.cim@example.org' }),
    password: z.string().min(1).max(1024),
  })
  .openapi('EmailChangeRequest');

const EmailChangePendingSchema = z.object({ pending: z.literal(true) }).openapi('EmailChangePending');

const postRoute = createRoute({
  method: 'post',
  path: '/me/email-change',
  tags: ['profile'],
  summary: 'Ask to change the e-mail address (confirmed by a link sent to the new address)',
  security: SECURITY,
  middleware: [smallBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: EmailChangeBody } } } },
  responses: {
    202: {
      description: 'A confirm link is on its way to the new address (if it can be used)',
      content: { 'application/json': { schema: EmailChangePendingSchema } },
    },
    400: { description: 'Malformed body', content: problemContent },
    401: { description: 'Not logged in', content: problemContent },
    403: { description: '`reauthentication_required`: log in again (popup with `max_age`), then send the same request', content: problemContent },
    413: { description: 'Body too large', content: problemContent },
    422: { description: '`password_incorrect`, `invalid_email`, `email_unchanged`', content: problemContent },
    429: { description: '`too_many_attempts`: too many wrong passwords', content: problemContent },
  },
});

export function mountEmailChangeRoutes(router: OpenAPIHono<ApiEnv>, deps: ResourceDeps): void {
  const ctx = domainContext(deps);
  const throttle = new Throttle(deps.sequelize);

  router.openapi(postRoute, async (c) => {
    const body = c.req.valid('json');
    await requireRecentAuthentication(c, deps.sequelize);
    try {
      return c.json(await requestEmailChange(ctx, actorOf(c), body, { throttle }), 202);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'too_many_attempts') {
        c.header('Retry-After', String(EMAIL_CHANGE_PASSWORD_RULE.windowSeconds));
        throw new ProblemError(429, 'too_many_attempts', 'Too many wrong passwords; try again later');
      }
      throw error;
    }
  });
}
