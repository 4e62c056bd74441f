import { z } from '@hono/zod-openapi';
import { OTHER_PARTY_SITUATIONS } from '../../domain/claims/other-party.ts';

/**
 * The claims resource's request and response schemas: they validate the request and describe
 * it in `/api/openapi.json`. The multipart form carries text fields (numbers as digits, the other
 * party as a JSON string) and the files under `attachments` (one or many). Only the shape is
 * checked here (400 `invalid_request`); the claim's rules (lengths, dates of cover, file types by
 * their bytes) are the domain service's (422 with a `code`).
 */
export const CLAIM_TYPES = [
  'collision_liability',
  'collision',
  'theft',
  'glass',
  'natural_damage',
  'vandalism',
  'water_leak',
  'fire',
  'burglary',
  'storm',
  'medical',
  'luggage',
  'cancellation',
  'delay',
] as const;

const fileSchema = z
  .custom<File>((value) => value instanceof File, { message: 'A file.' })
  .openapi({ type: 'string', format: 'binary', description: 'A JPEG or PNG photo or a PDF (the bytes decide), at most 10 MB.' });

export const ClaimReportForm = z
  .object({
    policyId: z
      .string()
      .regex(/^[1-9]\d{0,9}$/, 'A policy id.')
      .openapi({ example: '12', description: 'The policy (one of the customer’s).' }),
    claimType: z
      .string()
      .min(1, 'Choose the type of loss.')
      .max(40)
      .openapi({ example: 'collision', description: `One of the product’s claim types: ${CLAIM_TYPES.join(', ')}.` }),
    occurredAt: z
      .string()
      .min(1, 'The date and time of the loss.')
      .max(40)
      .openapi({ example: '2026-05-01T14:30', description: 'ISO date-time; without an offset it is Budapest time.' }),
    place: z.string().min(1, 'Where the loss happened.').max(1000).openapi({ example: 'Budapest, Váci út 12.' }),
    description: z.string().min(1, 'What happened.').max(20_000).openapi({ example: 'A parkoló autónak tolatás közben nekiment egy furgon.' }),
    estimatedDamageHuf: z
      .string()
      .regex(/^\d{0,10}$/, 'Whole forints.')
      .optional()
      .openapi({ example: '350000', description: 'Whole HUF; empty or absent when unknown.' }),
    otherParty: z.string().max(2000).optional().openapi({
      example: '{"name":"Kovács Péter","plate":"ABC-123","insurer":"Példa Biztosító"}',
      description:
        'Motor claims: the other vehicle as a JSON string `{ name, plate, insurer? }`; required for collision types unless `otherPartySituation` says it is not known.',
    }),
    otherPartySituation: z.enum(OTHER_PARTY_SITUATIONS).optional().openapi({
      example: 'hit_and_run',
      description:
        'Motor claims: what the customer knows of the other party. `known` (then `otherParty` names it; assumed when `otherParty` is sent), `unknown`, `hit_and_run` (CASCO only), `no_vehicle`. Refused with `other_party_situation_not_allowed` when the product does not offer it.',
    }),
    contactPreference: z
      .enum(['email', 'phone', 'post'])
      .optional()
      .openapi({ description: 'How the claims handler contacts the customer (email by default).' }),
    attachments: z
      .union([fileSchema, z.array(fileSchema)])
      .optional()
      .openapi({ description: 'Up to 10 files, 10 MB each, 25 MB together; repeat the field for several files.' }),
  })
  .openapi('ClaimReportForm');

export const ClaimAttachmentsForm = z
  .object({
    attachments: z
      .union([fileSchema, z.array(fileSchema)])
      .optional()
      .openapi({ description: 'At least one file; up to 10 files, 10 MB each, 25 MB together; repeat the field for several files.' }),
  })
  .openapi('ClaimAttachmentsForm');

export const OtherPartyInputSchema = z.object({
  name: z.string().optional(),
  plate: z.string().optional(),
  insurer: z.string().optional(),
});

const ClaimStatusSchema = z.enum(['received', 'in_review', 'approved', 'rejected', 'paid', 'closed']);

export const ClaimStatusEntrySchema = z.object({ status: ClaimStatusSchema, note: z.string().nullable(), at: z.string() }).openapi('ClaimStatusEntry');

export const ClaimAttachmentSchema = z
  .object({
    id: z.string().uuid(),
    filename: z.string(),
    contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('ClaimAttachment');

export const ClaimSummarySchema = z
  .object({
    id: z.number().int(),
    claimNumber: z.string(),
    policyId: z.number().int(),
    policyNumber: z.string(),
    product: z.enum(['kgfb', 'casco', 'home', 'travel']),
    claimType: z.string(),
    claimTypeName: z.object({ hu: z.string(), en: z.string() }),
    occurredAt: z.string(),
    place: z.string(),
    estimatedDamageHuf: z.number().int().nullable(),
    contactPreference: z.enum(['email', 'phone', 'post']),
    status: ClaimStatusSchema,
    reportedAt: z.string(),
    updatedAt: z.string(),
    attachmentCount: z.number().int(),
    history: z.array(ClaimStatusEntrySchema).openapi({ description: 'Oldest first; the last entry is the current status.' }),
  })
  .openapi('ClaimSummary');

export const ClaimDetailSchema = ClaimSummarySchema.extend({
  description: z.string(),
  otherParty: z.object({ name: z.string(), plate: z.string(), insurer: z.string().optional() }).nullable(),
  otherPartySituation: z
    .enum(OTHER_PARTY_SITUATIONS)
    .nullable()
    .openapi({ description: 'What the customer said of the other party; null when nothing was asked.' }),
  attachments: z.array(ClaimAttachmentSchema),
  acknowledgementDocumentId: z.string().nullable(),
}).openapi('ClaimDetail');

export const ClaimListSchema = z
  .object({ items: z.array(ClaimSummarySchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() })
  .openapi('ClaimList');

export const ReportedClaimSchema = z
  .object({
    id: z.number().int(),
    claimNumber: z.string(),
    status: ClaimStatusSchema,
    reportedAt: z.string(),
    attachments: z.array(ClaimAttachmentSchema),
    acknowledgementDocumentId: z.string().uuid().openapi({ description: 'The Kárbejelentés visszaigazolása in the mailbox (GET /documents/{id}).' }),
  })
  .openapi('ReportedClaim');

export const AddedAttachmentsSchema = z
  .object({ attachments: z.array(ClaimAttachmentSchema).openapi({ description: 'The files added, in the order sent.' }) })
  .openapi('AddedAttachments');

export const ListQuery = z.object({
  page: z
    .string()
    .regex(/^\d{1,6}$/, 'A page number.')
    .optional(),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, 'A page size.')
    .optional(),
  policyId: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'A policy id.')
    .optional(),
});

export const ClaimParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'A claim id.')
    .openapi({ param: { name: 'id', in: 'path' }, example: '42' }),
});

export const AttachmentParams = ClaimParams.extend({
  attachmentId: z
    .string()
    .uuid('An attachment id.')
    .openapi({ param: { name: 'attachmentId', in: 'path' } }),
});
