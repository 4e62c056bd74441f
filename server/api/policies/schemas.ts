import { z } from '@hono/zod-openapi';
import { PAYMENT_FREQUENCIES, PAYMENT_METHODS, PRODUCT_CODES, type PaymentFrequency, type PaymentMethod } from '../../kernel/products.ts';
import { LocalizedNameSchema } from '../shared-schemas.ts';

/**
 * The policies resource's request and response shapes: they validate what comes in and
 * describe both in `/api/openapi.json`. Requests are checked for their JSON shape here (400
 * `invalid_request`); the domain service checks the values (422 with its own `code`:
 * `invalid_payment_method`, `invalid_correspondence_address`, `unknown_change`…).
 */
const METHODS = Object.keys(PAYMENT_METHODS) as [PaymentMethod, ...PaymentMethod[]];
const FREQUENCIES = Object.keys(PAYMENT_FREQUENCIES) as [PaymentFrequency, ...PaymentFrequency[]];

export const PostalAddressSchema = z
  .object({
    postcode: z.string().openapi({ example: '9021' }),
    city: z.string().openapi({ example: 'Győr' }),
    addressLine: z.string().openapi({ example: 'Baross Gábor út 12.' }),
  })
  .openapi('PostalAddress');

const InsuredVehicleSchema = z.object({
  kind: z.literal('vehicle'),
  plate: z.string(),
  make: z.string(),
  model: z.string(),
  year: z.number().int(),
  vin: z.string(),
  valueHuf: z.number().int().optional(),
  bonusMalus: z.string().optional(),
});

const InsuredPropertySchema = z.object({
  kind: z.literal('property'),
  address: PostalAddressSchema,
  propertyType: z.enum(['flat', 'house']),
  floorAreaM2: z.number(),
  buildYear: z.number().int(),
  buildingSumHuf: z.number().int(),
  contentsSumHuf: z.number().int(),
});

const InsuredTravelSchema = z.object({
  kind: z.literal('travel'),
  cover: z.enum(['single', 'annual']),
  zone: z.enum(['europe', 'world']),
  destination: z.string(),
  travellers: z.number().int(),
  tripStart: z.string(),
  tripEnd: z.string(),
});

export const InsuredObjectSchema = z.discriminatedUnion('kind', [InsuredVehicleSchema, InsuredPropertySchema, InsuredTravelSchema]).openapi('InsuredObject');

const PaymentMethodSchema = z.enum(METHODS).openapi('PaymentMethod');
const PaymentFrequencySchema = z.enum(FREQUENCIES).openapi('PaymentFrequency');
const PolicyStatusSchema = z.enum(['active', 'cancelled']);
const isoDate = z.string().openapi({ format: 'date', example: '2026-03-01' });
const isoDateTime = z.string().openapi({ format: 'date-time' });
const huf = z.number().int().openapi({ description: 'Whole forints (HUF).' });

export const PolicySummarySchema = z
  .object({
    id: z.number().int(),
    policyNumber: z.string(),
    product: z.enum(PRODUCT_CODES as [string, ...string[]]),
    productName: LocalizedNameSchema,
    status: PolicyStatusSchema,
    startDate: isoDate,
    endDate: isoDate.nullable(),
    cancelledAt: isoDate.nullable(),
    cancelReason: z.string().nullable(),
    annualPremiumHuf: huf,
    paymentFrequency: PaymentFrequencySchema,
    paymentMethod: PaymentMethodSchema,
    insuredObject: InsuredObjectSchema,
    insuredObjectLabel: z.string(),
    brokerName: z.string().nullable(),
    outstandingHuf: huf.openapi({ description: 'Open and overdue invoices (kiterhelt díj), whole HUF.' }),
    openInvoices: z.number().int(),
    overdueInvoices: z.number().int(),
    pendingChanges: z.number().int(),
  })
  .openapi('PolicySummary');

export const PolicyListSchema = z
  .object({
    items: z.array(PolicySummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Policies matching the filter on every page.' }),
    status: z.enum(['active', 'cancelled', 'all']),
    counts: z.object({ active: z.number().int(), cancelled: z.number().int() }),
  })
  .openapi('PolicyList');

const ChangeValueSchema = z.union([z.string(), PostalAddressSchema, z.null()]);

export const ChangeRequestSchema = z
  .object({
    id: z.string(),
    policyId: z.number().int(),
    kind: z.enum(['payment_method', 'payment_frequency', 'correspondence_address']),
    oldValue: ChangeValueSchema,
    newValue: ChangeValueSchema,
    status: z.enum(['applied', 'pending', 'rejected']),
    reviewReason: z.string().nullable().openapi({ description: 'Why it waits for back-office review; null when applied at once.' }),
    createdAt: isoDateTime,
    decidedAt: isoDateTime.nullable(),
  })
  .openapi('ChangeRequest');

export const PolicyDetailSchema = PolicySummarySchema.extend({
  correspondenceAddress: PostalAddressSchema.nullable(),
  effectiveCorrespondenceAddress: PostalAddressSchema,
  changeable: z.boolean(),
  paymentOptions: z.array(z.object({ frequency: PaymentFrequencySchema, methods: z.array(PaymentMethodSchema) })),
  invoices: z.array(
    z.object({
      id: z.number().int(),
      invoiceNumber: z.string(),
      periodStart: isoDate,
      periodEnd: isoDate,
      dueDate: isoDate,
      amountHuf: huf,
      status: z.enum(['open', 'overdue', 'paid', 'cancelled']),
      paidAt: isoDateTime.nullable(),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.number().int(),
      claimNumber: z.string(),
      claimType: z.string(),
      claimTypeName: LocalizedNameSchema,
      occurredAt: isoDateTime,
      status: z.string(),
      reportedAt: isoDateTime,
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      typeName: LocalizedNameSchema,
      title: z.string(),
      filename: z.string(),
      sizeBytes: z.number().int(),
      issuedAt: isoDateTime,
      readAt: isoDateTime.nullable(),
    }),
  ),
  changeRequests: z.array(ChangeRequestSchema),
}).openapi('PolicyDetail');

export const PolicyChangeResultSchema = z
  .object({
    policyId: z.number().int(),
    changes: z.array(ChangeRequestSchema),
    confirmation: z
      .object({ documentId: z.string(), notificationId: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The Szerződésmódosítás visszaigazolása in the mailbox; null when every change waits for review.' }),
  })
  .openapi('PolicyChangeResult');

export const ListQuerySchema = z.object({
  status: z.enum(['active', 'cancelled', 'all']).default('all').openapi({ description: 'Élő (active), törölt (cancelled) or all.' }),
  page: z.coerce.number().int().min(1).max(100_000).optional().openapi({ type: 'integer', minimum: 1, example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(100).optional().openapi({ type: 'integer', minimum: 1, maximum: 100, example: 20 }),
});

export const PolicyIdParamsSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '42', description: "The policy's id." }),
});

/**
 * The change: JSON types only. Unknown fields are kept (a loose object) so the domain service
 * refuses them by name (`unknown_change`) instead of the schema silently dropping them.
 */
export const PolicyChangeBodySchema = z
  .looseObject({
    paymentMethod: z.string().max(64).optional().openapi({ enum: METHODS, description: 'Applies at once.' }),
    paymentFrequency: z
      .string()
      .max(64)
      .optional()
      .openapi({ enum: FREQUENCIES, description: 'Applies at once, except to monthly or within 30 days of the anniversary (back-office review).' }),
    correspondenceAddress: z
      .object({
        postcode: z.union([z.string().max(16), z.number().int()]).openapi({ description: 'Four digits, 1000–9999.', example: '9021' }),
        city: z.string().max(200),
        addressLine: z.string().max(400),
      })
      .optional(),
  })
  .openapi('PolicyChange');
