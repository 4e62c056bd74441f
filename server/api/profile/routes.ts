import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getProfile, updateProfile } from '../../domain/profile/index.ts';
import type { ApiEnv } from '../auth/principal.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { mountEmailChangeRoutes } from './email-change-routes.ts';
import { actorOf, domainContext, noStore, smallBody } from '../route-context.ts';
import { problemContent } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import { ProfileChangedSchema, ProfilePatchBody, ProfileSchema } from './schemas.ts';

/**
 * The customer's profile: `GET /me`, and `PATCH /me` for phone, correspondence address and
 * language. The e-mail address (the login name) is not changed here.
 */
const getRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['profile'],
  summary: "The customer's own data",
  security: SECURITY,
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: ProfileSchema } } },
    401: { description: 'Not logged in', content: problemContent },
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['profile'],
  summary: 'Change phone, correspondence address or language',
  security: SECURITY,
  middleware: [smallBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ProfilePatchBody } } } },
  responses: {
    200: { description: 'The profile after the change, and which fields changed', content: { 'application/json': { schema: ProfileChangedSchema } } },
    400: { description: 'Malformed body (unknown fields, e.g. email, are refused)', content: problemContent },
    401: { description: 'Not logged in', content: problemContent },
    413: { description: 'Body too large', content: problemContent },
    422: { description: '`invalid_profile_change` (per-field codes: `invalid_phone`, `invalid_postcode`…), `empty_profile_change`', content: problemContent },
  },
});

/** `/me`: the customer's own data, and (email-change-routes.ts) the e-mail change. A logged-in customer only; never cached. */
export function profileRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const router = resourceRouter();
  guard(router, deps.auth, '/me');
  router.use(`/me/*`, noStore);
  const ctx = domainContext(deps);

  router.openapi(getRoute, async (c) => c.json(await getProfile(ctx, actorOf(c)), 200));

  router.openapi(patchRoute, async (c) => {
    const changes = c.req.valid('json');
    return c.json(await updateProfile(ctx, { ...actorOf(c), changes }), 200);
  });
  mountEmailChangeRoutes(router, deps);
  return router;
}
