import { z } from '@hono/zod-openapi';
import { DOCUMENT_TYPE_CODES, type DocumentTypeCode } from '../../documents/types.ts';

/** Request and response schemas of the mailbox, document requests and profile routes. */
export const SECURITY: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];

const TYPE_CODES = DOCUMENT_TYPE_CODES as [DocumentTypeCode, ...DocumentTypeCode[]];

export const DocumentTypeCodeSchema = z.enum(TYPE_CODES).openapi({ description: 'Document type code.' });
export const LocalizedNameSchema = z.object({ hu: z.string(), en: z.string() }).openapi('LocalizedName');
export const PolicyIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
const page = z.coerce.number().int().min(1).max(100_000).optional().openapi({ example: 1 });
const pageSize = z.coerce.number().int().min(1).max(100).optional().openapi({ example: 20 });
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

export { problemContent } from '../problem-schema.ts';

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
    types: z
      .array(z.object({ type: DocumentTypeCodeSchema, typeName: LocalizedNameSchema, count: z.number().int() }).openapi('MailboxTypeCount'))
      .openapi({ description: 'The document types in the whole mailbox the partner may see, whatever the filters, with how many of each (by type code): the type filter\'s choices.' }),
  })
  .openapi('DocumentList');

export const DocumentIdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
export const ContentQuery = z.object({
  download: booleanFlag.openapi({ description: '1: as an attachment (download) instead of inline.', type: 'string', enum: ['true', 'false', '1', '0'] }),
});

export const RequestableTypesQuery = z.object({ policyId: PolicyIdSchema });
export const RequestableTypeSchema = z
  .object({ type: DocumentTypeCodeSchema, name: LocalizedNameSchema, remaining: z.number().int().openapi({ description: 'Requests left in the current 24 hours.' }) })
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

export const PostalAddressSchema = z
  .object({ postcode: z.string().max(10), city: z.string().max(200), addressLine: z.string().max(400) })
  .openapi('PostalAddress');
export const ProfileSchema = z
  .object({
    name: z.string(),
    customerNumber: z.string(),
    kind: z.enum(['person', 'company']),
    birthDate: z.string().nullable().openapi({ format: 'date', description: 'Persons only.' }),
    taxNumber: z.string().nullable().openapi({ description: 'Companies only.' }),
    address: PostalAddressSchema,
    correspondenceAddress: PostalAddressSchema.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.enum(['hu', 'en']),
  })
  .openapi('Profile');
export const ProfilePatchBody = z
  .strictObject({
    phone: z.string().max(40).nullable().optional().openapi({ description: 'A Hungarian number (+36…); null removes it.', example: '+36 30 123 4567' }),
    correspondenceAddress: z
      .strictObject({ postcode: z.string().max(10), city: z.string().max(200), addressLine: z.string().max(400) })
      .nullable()
      .optional()
      .openapi({ description: 'Null: letters go to the home address.' }),
    language: z.enum(['hu', 'en']).optional(),
  })
  .openapi('ProfilePatch', { description: 'The e-mail address (the login name) is not changed here.' });
export const ProfileChangedSchema = z
  .object({ profile: ProfileSchema, changed: z.array(z.enum(['phone', 'correspondenceAddress', 'language'])) })
  .openapi('ProfileChanged');
