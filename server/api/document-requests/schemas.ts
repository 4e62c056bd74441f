import { z } from '@hono/zod-openapi';
import { DocumentTypeCodeSchema, LocalizedNameSchema, page, pageSize, PolicyIdSchema } from '../shared-schemas.ts';

/** Request and response schemas of document requests (`/api/document-requests`). */
export const RequestableTypesQuery = z.object({ policyId: PolicyIdSchema });
export const RequestableTypeSchema = z
  .object({
    type: DocumentTypeCodeSchema,
    name: LocalizedNameSchema,
    remaining: z.number().int().openapi({ description: 'Requests left in the current 24 hours.' }),
  })
  .openapi('RequestableType');
export const RequestableTypesSchema = z.object({ items: z.array(RequestableTypeSchema) }).openapi('RequestableTypes');

export const DocumentRequestBody = z.strictObject({ policyId: z.number().int().positive().max(2_147_483_647), type: z.string().min(1).max(64) });
export const DocumentRequestSchema = z
  .object({
    id: z.uuid(),
    policyId: z.number().int().nullable(),
    policyNumber: z.string().nullable(),
    type: DocumentTypeCodeSchema,
    typeName: LocalizedNameSchema,
    status: z.enum(['pending', 'fulfilled', 'failed']),
    documentId: z.string().nullable(),
    failureReason: z.string().nullable(),
    requestedAt: z.string(),
    fulfilledAt: z.string().nullable(),
  })
  .openapi('DocumentRequest');
export const DocumentRequestCreatedSchema = z
  .object({ request: DocumentRequestSchema, documentId: z.string().nullable().openapi({ description: 'The delivered document in the mailbox.' }) })
  .openapi('DocumentRequestCreated');
export const DocumentRequestListQuery = z.object({ policyId: PolicyIdSchema.optional(), page, pageSize });
export const DocumentRequestListSchema = z
  .object({ items: z.array(DocumentRequestSchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() })
  .openapi('DocumentRequestList');
