import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import {
  addClaimAttachments,
  getClaim,
  getClaimAttachment,
  listClaims,
  reportClaim,
  type AttachmentInput,
  type OtherPartyInput,
} from '../../domain/claims/index.ts';
import type { DomainContext } from '../../kernel/context.ts';
import { ProblemError } from '../../../common/http/problem.ts';
import { principalOf, type ApiEnv, type Principal } from '../auth/principal.ts';
import { problems } from '../auth/problems.ts';
import type { ResourceDeps } from '../resource-deps.ts';
import { guard, resourceRouter } from '../resource-router.ts';
import { contentDisposition } from '../../../common/http/content-disposition.ts';
import { contentSecurityPolicy } from '../../../common/http/csp.ts';
import {
  AddedAttachmentsSchema,
  AttachmentParams,
  ClaimAttachmentsForm,
  ClaimDetailSchema,
  ClaimListSchema,
  ClaimParams,
  ClaimReportForm,
  ListQuery,
  OtherPartyInputSchema,
  ReportedClaimSchema,
} from './schemas.ts';
import { problem } from '../problem-schema.ts';
import { SECURITY } from '../shared-schemas.ts';
import { limitBody } from '../../../common/http/body-limit.ts';

/** The attachments may be 25 MB together; the form's text fields and multipart framing get a little room on top. */
export const CLAIM_BODY_LIMIT = 25 * 1024 * 1024 + 512 * 1024;

const tags = ['claims'];
const common = {
  401: problem('Not logged in, or the session has ended'),
  403: problem('The request is not from an allowed origin, or lacks X-GP-Request: 1'),
};

const claimBodyLimit = limitBody(CLAIM_BODY_LIMIT, 'The request body is too large (attachments: at most 25 MB together)');

/**
 * Refuses anything but a well-formed multipart form before the schema sees it (as problems, not
 * the validator's plain-text errors), and parses it once: the validator reuses the parsed form.
 */
const multipartForm: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new ProblemError(415, 'unsupported_media_type', 'Send the claim as multipart/form-data');
  }
  try {
    await c.req.formData();
  } catch {
    throw problems.invalidRequest([{ field: '(body)', code: 'malformed_form', message: 'The multipart form could not be read.' }]);
  }
  await next();
};

const reportRoute = createRoute({
  method: 'post',
  path: '/claims',
  tags,
  security: SECURITY,
  summary: 'Report a claim (first notice of loss) with attachments',
  description:
    'A multipart form. On success the claim is `received`, the acknowledgement (Kárbejelentés visszaigazolása) is in the mailbox and ONE e-mail announces it. A refusal writes nothing.',
  middleware: [claimBodyLimit, multipartForm] as const,
  request: {
    body: { required: true, content: { 'multipart/form-data': { schema: ClaimReportForm } } },
  },
  responses: {
    201: { description: 'The claim was reported', content: { 'application/json': { schema: ReportedClaimSchema } } },
    400: problem('The form is malformed or misses fields (`invalid_request`, one entry per field)'),
    ...common,
    404: problem('No such policy among the customer’s (`policy_not_found`)'),
    413: problem('The body is larger than the attachments’ limit'),
    415: problem('Not multipart/form-data'),
    422: problem('The claim breaks a rule (e.g. `attachment_type_not_allowed`, `policy_not_in_force_on_date`)'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/claims',
  tags,
  security: SECURITY,
  summary: 'The customer’s claims, newest first, with their status history',
  request: { query: ListQuery },
  responses: {
    200: { description: 'A page of claims', content: { 'application/json': { schema: ClaimListSchema } } },
    400: problem('Malformed query'),
    ...common,
    422: problem('Page out of range'),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/claims/{id}',
  tags,
  security: SECURITY,
  summary: 'One claim: description, other party, attachments, status history',
  request: { params: ClaimParams },
  responses: {
    200: { description: 'The claim', content: { 'application/json': { schema: ClaimDetailSchema } } },
    400: problem('Malformed id'),
    ...common,
    404: problem('No such claim among the customer’s (`claim_not_found`)'),
  },
});

const attachmentRoute = createRoute({
  method: 'get',
  path: '/claims/{id}/attachments/{attachmentId}',
  tags,
  security: SECURITY,
  summary: 'Download one attachment of the customer’s claim',
  request: { params: AttachmentParams },
  responses: {
    200: {
      description: 'The file, as a download',
      content: {
        'image/jpeg': { schema: { type: 'string', format: 'binary' } },
        'image/png': { schema: { type: 'string', format: 'binary' } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    },
    400: problem('Malformed id'),
    ...common,
    404: problem('No such claim or attachment (`claim_not_found`, `attachment_not_found`)'),
  },
});

const addAttachmentsRoute = createRoute({
  method: 'post',
  path: '/claims/{id}/attachments',
  tags,
  security: SECURITY,
  summary: 'Add files to a claim already reported',
  description:
    'A multipart form with the files under `attachments`, checked like the report’s (the bytes decide the type; 10 files, 10 MB each, 25 MB together; at most 30 on one claim). Only the claim’s customer, inside the partner’s scope, and only while the claim is open: a rejected, paid or closed claim answers 409 `claim_closed`. A refusal writes nothing.',
  middleware: [claimBodyLimit, multipartForm] as const,
  request: {
    params: ClaimParams,
    body: { required: true, content: { 'multipart/form-data': { schema: ClaimAttachmentsForm } } },
  },
  responses: {
    201: { description: 'The files were added', content: { 'application/json': { schema: AddedAttachmentsSchema } } },
    400: problem('Malformed id or form (`invalid_request`)'),
    ...common,
    404: problem('No such claim among the customer’s (`claim_not_found`)'),
    409: problem('The claim is rejected, paid or closed (`claim_closed`)'),
    413: problem('The body is larger than the attachments’ limit'),
    415: problem('Not multipart/form-data'),
    422: problem('No file, or a file breaks a rule (`attachments_required`, `attachment_type_not_allowed`, `too_many_attachments` …)'),
  },
});

/** The form's files, as the domain takes them. */
async function attachmentsOf(value: File | File[] | undefined): Promise<AttachmentInput[]> {
  const files = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return Promise.all(files.map(async (file) => ({ filename: file.name, contentType: file.type, content: new Uint8Array(await file.arrayBuffer()) })));
}

function scopeOf(principal: Principal) {
  return { customerId: principal.customerId, brokerId: principal.policyScope === 'broker' ? principal.brokerId : null };
}

function otherPartyOf(raw: string | undefined): OtherPartyInput | null | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw problems.invalidRequest([{ field: 'otherParty', code: 'invalid_json', message: 'otherParty is a JSON object { name, plate, insurer? }.' }]);
  }
  if (parsed === null) return null;
  const result = OtherPartyInputSchema.safeParse(parsed);
  if (!result.success) {
    throw problems.invalidRequest(
      result.error.issues.map((issue) => ({ field: ['otherParty', ...issue.path].join('.'), code: issue.code, message: issue.message })),
    );
  }
  return result.data;
}

/**
 * The claims resource (Káraim, kárbejelentés): report with attachments, list with status
 * history, detail, attachment download. Everything personal answers `Cache-Control: no-store`;
 * another customer's claim (or one outside a broker partner's scope) is 404 like a missing one.
 */
export function claimRoutes(deps: ResourceDeps): OpenAPIHono<ApiEnv> {
  const router = resourceRouter();
  guard(router, deps.auth, '/claims');
  router.use('/claims', noStore);
  router.use('/claims/*', noStore);
  const ctx: DomainContext = { sequelize: deps.sequelize, publicUrl: deps.publicUrl };

  router.openapi(reportRoute, async (c) => {
    const principal = principalOf(c);
    const form = c.req.valid('form');
    const attachments = await attachmentsOf(form.attachments);
    const reported = await reportClaim(ctx, {
      ...scopeOf(principal),
      clientId: principal.clientId,
      actorId: principal.accountId,
      policyId: Number(form.policyId),
      claimType: form.claimType,
      occurredAt: form.occurredAt,
      place: form.place,
      description: form.description,
      estimatedDamageHuf: form.estimatedDamageHuf ? Number(form.estimatedDamageHuf) : null,
      otherParty: otherPartyOf(form.otherParty),
      ...(form.otherPartySituation ? { otherPartySituation: form.otherPartySituation } : {}),
      ...(form.contactPreference ? { contactPreference: form.contactPreference } : {}),
      attachments,
    });
    c.header('Location', new URL(`/api/claims/${reported.id}`, deps.publicUrl).href);
    return c.json(
      {
        id: reported.id,
        claimNumber: reported.claimNumber,
        status: reported.status,
        reportedAt: reported.reportedAt,
        attachments: reported.attachments,
        acknowledgementDocumentId: reported.acknowledgementDocumentId,
      },
      201,
    );
  });

  router.openapi(addAttachmentsRoute, async (c) => {
    const principal = principalOf(c);
    const { id } = c.req.valid('param');
    const added = await addClaimAttachments(ctx, {
      ...scopeOf(principal),
      clientId: principal.clientId,
      actorId: principal.accountId,
      claimId: Number(id),
      attachments: await attachmentsOf(c.req.valid('form').attachments),
    });
    return c.json({ attachments: added }, 201);
  });

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listClaims(ctx, {
      ...scopeOf(principalOf(c)),
      ...(query.page ? { page: Number(query.page) } : {}),
      ...(query.pageSize ? { pageSize: Number(query.pageSize) } : {}),
      ...(query.policyId ? { policyId: Number(query.policyId) } : {}),
    });
    return c.json(page, 200);
  });

  router.openapi(detailRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getClaim(ctx, { ...scopeOf(principalOf(c)), claimId: Number(id) }), 200);
  });

  router.openapi(attachmentRoute, async (c) => {
    const principal = principalOf(c);
    const { id, attachmentId } = c.req.valid('param');
    const file = await getClaimAttachment(ctx, {
      ...scopeOf(principal),
      clientId: principal.clientId,
      actorId: principal.accountId,
      claimId: Number(id),
      attachmentId,
    });
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': contentDisposition('attachment', file.filename),
      // A customer's upload, opened inline by some viewer anyway: no script, no origin of ours.
      'Content-Security-Policy': contentSecurityPolicy({ sandbox: [''] }),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });

  return router;
}

/** Claims are personal data: no cache keeps any answer (problems included). */
const noStore: MiddlewareHandler<ApiEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};
