import { z } from '@hono/zod-openapi';
import { booleanFlag, DocumentTypeCodeSchema, LocalizedNameSchema, page, pageSize, PolicyIdSchema } from '../shared-schemas.ts';

/** Request and response schemas of the mailbox (`/api/documents`). */
export const DocumentListQuery = z.object({
  type: DocumentTypeCodeSchema.optional(),
  policyId: PolicyIdSchema.optional().openapi({ description: 'Only documents of this contract.' }),
  unread: booleanFlag.openapi({ description: 'true: unread documents only.', type: 'string', enum: ['true', 'false', '1', '0'] }),
  page,
  pageSize,
});

export const MailboxDocumentSchema = z
  .object({
    id: z.uuid(),
    type: DocumentTypeCodeSchema,
    typeName: LocalizedNameSchema,
    title: z.string(),
    policyId: z.number().int().nullable().openapi({ description: 'Null for a customer-level document.' }),
    policyNumber: z.string().nullable(),
    issuedAt: z.string().openapi({ format: 'date-time' }),
    read: z.boolean(),
    readAt: z.string().nullable().openapi({ format: 'date-time' }),
    sizeBytes: z.number().int(),
  })
  .openapi('MailboxDocument');

export const DocumentListSchema = z
  .object({
    items: z.array(MailboxDocumentSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    unreadCount: z.number().int().openapi({ description: 'Unread documents in the whole mailbox the partner may see, whatever the filters.' }),
    types: z.array(z.object({ type: DocumentTypeCodeSchema, typeName: LocalizedNameSchema, count: z.number().int() }).openapi('MailboxTypeCount')).openapi({
      description:
        "The document types in the whole mailbox the partner may see, whatever the filters, with how many of each (by type code): the type filter's choices.",
    }),
  })
  .openapi('DocumentList');

export const DocumentIdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
export const ContentQuery = z.object({
  download: booleanFlag.openapi({ description: '1: as an attachment (download) instead of inline.', type: 'string', enum: ['true', 'false', '1', '0'] }),
});
