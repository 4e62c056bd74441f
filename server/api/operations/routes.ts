import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ProblemError } from '../../../common/http/problem.ts';
import { DOCUMENT_TYPE_CODES, isDocumentTypeCode } from '../../kernel/document-types.ts';
import { MAX_UPLOAD_BYTES, deliverUploadedDocument } from '../../documents/delivery/deliver-uploaded-document.ts';
import type { DeliveryContext, DeliveryResult } from '../../documents/delivery/deliver-document.ts';
import { DocumentIssueError, type DocumentIssueErrorCode } from '../../documents/delivery/errors.ts';
import { issueTemplateDocument } from '../../documents/delivery/issue-document.ts';
import { problems } from '../auth/problems.ts';
import { problem } from '../problem-schema.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { requireOperator, type OperationsEnv } from './admin-auth.ts';
import { limitBody } from '../../../common/http/body-limit.ts';

/** The PDF may be 10 MB; the form's text fields and multipart framing get a little room on top. */
export const OPERATIONS_BODY_LIMIT = MAX_UPLOAD_BYTES + 512 * 1024;

const IssueFields = z.object({
  customerNumber: z
    .string()
    .trim()
    .regex(/^\d{8}$/, 'a customer number is 8 digits'),
  type: z.string().refine(isDocumentTypeCode, { message: `one of: ${DOCUMENT_TYPE_CODES.join(', ')}` }),
  policyNumber: z.string().trim().min(1).optional(),
});

const NOT_FOUND: ReadonlySet<DocumentIssueErrorCode> = new Set(['customer_not_found', 'policy_not_found']);

/** Not-found titles are fixed: the delivery's message repeats the (unvalidated) input, which a problem must not reflect. */
const NOT_FOUND_TITLES: Partial<Record<DocumentIssueErrorCode, string>> = {
  customer_not_found: 'No such customer',
  policy_not_found: 'No such policy',
};

function issueProblem(error: DocumentIssueError): ProblemError {
  if (NOT_FOUND.has(error.code)) return new ProblemError(404, error.code, NOT_FOUND_TITLES[error.code] ?? 'Not found');
  return new ProblemError(422, error.code, error.message);
}

function fields(input: Record<string, unknown>) {
  const parsed = IssueFields.safeParse(input);
  if (!parsed.success) {
    throw problems.invalidRequest(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', code: issue.code, message: issue.message })));
  }
  const { customerNumber, type, policyNumber } = parsed.data;
  if (!isDocumentTypeCode(type)) throw new Error('unreachable');
  return { customer: { customerNumber }, policy: policyNumber ? { policyNumber } : null, type };
}

const malformed = (message: string) => problems.invalidRequest([{ field: '(body)', code: 'malformed_body', message }]);

async function issue(c: Context<OperationsEnv>, ctx: Omit<DeliveryContext, 'actorId'>): Promise<DeliveryResult> {
  const operator = c.get('operator');
  if (!operator) throw problems.unauthenticated();
  const delivery: DeliveryContext = { ...ctx, actorId: operator.clientId };
  const contentType = c.req.header('content-type') ?? '';

  if (/^application\/json\s*(;|$)/i.test(contentType)) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw malformed('The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw malformed('The body must be a JSON object.');
    return issueTemplateDocument(delivery, { ...fields(body as Record<string, unknown>), source: 'operations' });
  }

  if (/^multipart\/form-data\s*;/i.test(contentType)) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw malformed('The multipart form could not be read.');
    }
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : undefined;
    };
    const target = fields({ customerNumber: text('customerNumber'), type: text('type'), policyNumber: text('policyNumber') || undefined });
    const file = form.get('file');
    if (file === null || typeof file === 'string') {
      throw problems.invalidRequest([{ field: 'file', code: 'required', message: 'Attach the PDF as the form field "file".' }]);
    }
    if (file.size > MAX_UPLOAD_BYTES) throw new DocumentIssueError('file_too_large', `The file is ${file.size} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes.`);
    const content = new Uint8Array(await file.arrayBuffer());
    return deliverUploadedDocument(delivery, { ...target, content, source: 'operations' });
  }

  throw new ProblemError(415, 'unsupported_media_type', 'Send application/json (a template document) or multipart/form-data (an uploaded PDF)');
}

/**
 * `/api/operations/…`: the insurer's operations, with an admin credential (a client-credentials
 * token with scope `admin`, see `requireOperator`) — never a customer's session or token.
 *
 * `POST /api/operations/documents` issues one document into a customer's mailbox (Levelezés) and
 * queues its e-mail notification, in one transaction (the delivery module; audit actor
 * `operator` with the client id):
 * - `application/json` `{ customerNumber, type, policyNumber? }`: rendered from the template;
 * - `multipart/form-data` with `file` (a PDF, at most 10 MB) and the same fields: delivered as is.
 * 201 `{ documentId, notificationQueued }`; refusals are problems with the delivery's code
 * (404 customer/policy not found, 422 otherwise) and write nothing.
 */
export function operationsRoutes(deps: ResourceDeps): OpenAPIHono<OperationsEnv> {
  const router = new OpenAPIHono<OperationsEnv>();
  const operator = requireOperator({
    sequelize: deps.sequelize,
    issuer: new URL('/oidc', deps.publicUrl).href,
    audience: new URL('/api', deps.publicUrl).href,
    logger: deps.logger,
  });
  router.use('/operations/*', operator);
  describeOperations(router);

  const limit = limitBody(OPERATIONS_BODY_LIMIT, `The request body is too large (the PDF: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)`);

  router.post('/operations/documents', limit, async (c) => {
    let result: DeliveryResult;
    try {
      result = await issue(c, { sequelize: deps.sequelize, publicUrl: deps.publicUrl });
    } catch (error) {
      if (error instanceof DocumentIssueError) throw issueProblem(error);
      throw error;
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ documentId: result.documentId, notificationQueued: result.notificationId !== null }, 201);
  });
  return router;
}

/** The route is a plain handler (JSON or multipart); its description for `/api/openapi.json`. */
function describeOperations(router: OpenAPIHono<OperationsEnv>): void {
  const fields = {
    customerNumber: z.string().regex(/^[0-9]{8}$/),
    type: z.enum(DOCUMENT_TYPE_CODES as [string, ...string[]]),
    policyNumber: z.string().optional(),
  };
  router.openAPIRegistry.registerPath({
    method: 'post',
    path: '/operations/documents',
    tags: ['operations'],
    summary: "Issue a document into a customer's mailbox (from a template, or an uploaded PDF), with its notification",
    security: [{ bearer: ['admin'] }],
    request: {
      body: {
        content: {
          'application/json': { schema: z.object(fields) },
          'multipart/form-data': { schema: z.object({ ...fields, file: z.string().openapi({ type: 'string', format: 'binary' }) }) },
        },
      },
    },
    responses: {
      201: {
        description: 'Delivered',
        content: { 'application/json': { schema: z.object({ documentId: z.string().uuid(), notificationQueued: z.boolean() }) } },
      },
      400: problem('invalid_request'),
      401: problem('unauthenticated, invalid_token'),
      403: problem('forbidden: not an operations token'),
      404: problem('customer_not_found, policy_not_found'),
      413: problem('payload_too_large'),
      422: problem('not_a_pdf, type_needs_policy, …'),
    },
  });
}
