import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listDocumentRequests, requestableTypes, requestDocument } from '../../domain/document-requests/index.ts';
import type { ApiEnv } from '../auth/principal.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { actorOf, domainContext, noStore, smallBody } from '../route-context.ts';
import { problemContent } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import {
  DocumentRequestBody,
  DocumentRequestCreatedSchema,
  DocumentRequestListQuery,
  DocumentRequestListSchema,
  RequestableTypesQuery,
  RequestableTypesSchema,
} from './schemas.ts';

/**
 * Document requests (dokumentum igénylése): which types a contract offers, asking for one (the
 * PDF is produced at once and lands in the mailbox), and the customer's requests.
 */
const typesRoute = createRoute({
  method: 'get',
  path: '/document-requests/types',
  tags: ['documents'],
  summary: 'The document types the customer may request for a contract',
  security: SECURITY,
  request: { query: RequestableTypesQuery },
  responses: {
    200: { description: 'Requestable types with what is left today', content: { 'application/json': { schema: RequestableTypesSchema } } },
    400: { description: 'Invalid policyId', content: problemContent },
    401: { description: 'Not logged in', content: problemContent },
    404: { description: 'No such policy', content: problemContent },
  },
});

const createRequestRoute = createRoute({
  method: 'post',
  path: '/document-requests',
  tags: ['documents'],
  summary: 'Request a document of a contract',
  security: SECURITY,
  middleware: [smallBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: DocumentRequestBody } } } },
  responses: {
    201: { description: 'Fulfilled: the document is in the mailbox', content: { 'application/json': { schema: DocumentRequestCreatedSchema } } },
    400: { description: 'Malformed body', content: problemContent },
    401: { description: 'Not logged in', content: problemContent },
    404: { description: 'No such policy', content: problemContent },
    409: { description: '`policy_not_active`, `too_many_requests`', content: problemContent },
    413: { description: 'Body too large', content: problemContent },
    422: { description: '`invalid_document_type`, `document_type_not_requestable`, `document_type_not_for_product`', content: problemContent },
    503: { description: '`document_request_failed`: recorded as failed; try again later', content: problemContent },
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/document-requests',
  tags: ['documents'],
  summary: "The customer's document requests, newest first",
  security: SECURITY,
  request: { query: DocumentRequestListQuery },
  responses: {
    200: { description: 'One page of requests', content: { 'application/json': { schema: DocumentRequestListSchema } } },
    400: { description: 'Invalid filter or paging', content: problemContent },
    401: { description: 'Not logged in', content: problemContent },
  },
});

/** `/document-requests`: what the customer may request and what they requested. A logged-in customer only; never cached. */
export function documentRequestRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const router = resourceRouter();
  guard(router, deps.auth, '/document-requests');
  router.use(`/document-requests/*`, noStore);
  const ctx = domainContext(deps);

  router.openapi(typesRoute, async (c) => {
    const { policyId } = c.req.valid('query');
    const items = await requestableTypes(ctx, { ...actorOf(c), policyId });
    return c.json({ items }, 200);
  });

  router.openapi(createRequestRoute, async (c) => {
    const body = c.req.valid('json');
    const { request } = await requestDocument(ctx, { ...actorOf(c), policyId: body.policyId, type: body.type });
    c.header('Location', new URL(`/api/document-requests?policyId=${request.policyId ?? ''}`, deps.publicUrl).pathname);
    return c.json({ request, documentId: request.documentId }, 201);
  });

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listDocumentRequests(ctx, { ...actorOf(c), ...query }), 200);
  });
  return router;
}
