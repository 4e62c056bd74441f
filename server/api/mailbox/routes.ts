import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listDocuments, openDocument } from '../../domain/mailbox/index.ts';
import type { ApiEnv } from '../auth/principal.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { contentDisposition } from '../../../common/http/content-disposition.ts';
import { actorOf, domainContext, noStore } from '../route-context.ts';
import { problemContent } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import { ContentQuery, DocumentIdParams, DocumentListQuery, DocumentListSchema } from './schemas.ts';

/**
 * The mailbox (Levelezés): `GET /documents` lists (never the content), `GET /documents/{id}/content`
 * answers the PDF, marks it read the first time and audits every opening. A broker-scoped
 * partner sees the documents of its broker's contracts and the customer-level ones.
 */
const listRoute = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['documents'],
  summary: 'The mailbox, newest first, with the unread count',
  security: SECURITY,
  request: { query: DocumentListQuery },
  responses: {
    200: { description: 'One page of documents', content: { 'application/json': { schema: DocumentListSchema } } },
    400: { description: 'Invalid filter or paging', content: problemContent },
    401: { description: 'Not logged in', content: problemContent },
  },
});

const contentRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/content',
  tags: ['documents'],
  summary: 'The document (PDF); marks it read; audited',
  security: SECURITY,
  request: { params: DocumentIdParams, query: ContentQuery },
  responses: {
    200: {
      description: 'The PDF, inline (or as an attachment with ?download=1)',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    401: { description: 'Not logged in', content: problemContent },
    404: { description: "No such document (or not the customer's, or outside the partner's scope)", content: problemContent },
  },
});

/** `/documents`: the mailbox (*Levelezés*). A logged-in customer only; never cached. */
export function mailboxRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const router = resourceRouter();
  guard(router, deps.auth, '/documents');
  router.use(`/documents/*`, noStore);
  const ctx = domainContext(deps);

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const list = await listDocuments(ctx, { ...actorOf(c), ...query });
    return c.json(list, 200);
  });

  router.openapi(contentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { download } = c.req.valid('query');
    const disposition = download ? 'attachment' : 'inline';
    const document = await openDocument(ctx, { ...actorOf(c), documentId: id, disposition });
    return new Response(new Uint8Array(document.content), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(document.content.byteLength),
        'Content-Disposition': contentDisposition(disposition, document.filename),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  return router;
}
