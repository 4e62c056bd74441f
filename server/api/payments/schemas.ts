import { z } from '@hono/zod-openapi';
import { MAX_INVOICES_PER_PAYMENT } from '../../domain/payments/context.ts';
import { DEFAULT_PAGE_SIZE, INVOICE_STATUS_FILTERS, MAX_PAGE_SIZE } from '../../domain/payments/invoices.ts';

/** The payments resource's request and response shapes (validation and /api/openapi.json). */
export const InvoiceQuery = z.object({
  status: z
    .enum(INVOICE_STATUS_FILTERS as ['open', 'overdue', 'paid', 'all'])
    .default('open')
    .openapi({ description: '`open` includes overdue invoices; `all` includes voided (cancelled) ones' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export const Invoice = z
  .object({
    id: z.number().int(),
    invoiceNumber: z.string(),
    policyId: z.number().int(),
    policyNumber: z.string(),
    product: z.string(),
    periodStart: z.string().openapi({ format: 'date' }),
    periodEnd: z.string().openapi({ format: 'date' }),
    amountHuf: z.number().int(),
    dueDate: z.string().openapi({ format: 'date' }),
    status: z.enum(['open', 'overdue', 'paid', 'cancelled']),
    overdue: z.boolean(),
    daysOverdue: z.number().int(),
    paidAt: z.string().nullable().openapi({ format: 'date-time' }),
    paymentPending: z.boolean().openapi({ description: 'In a payment still waiting for the provider: paying it again is refused meanwhile' }),
    pendingPaymentId: z
      .string()
      .nullable()
      .openapi({ description: 'That payment: resume it (GET /payments/{id} gives its page) or cancel it (POST /payments/{id}/cancel)' }),
    receiptDocumentId: z
      .string()
      .nullable()
      .openapi({ description: "A paid invoice's receipt in the mailbox (GET /documents/{id}/content), when the partner may see it" }),
  })
  .openapi('Invoice');

export const Outstanding = z
  .object({
    totalHuf: z.number().int().openapi({ description: 'Open invoices, overdue ones included (kiterhelt díj)' }),
    count: z.number().int(),
    overdueHuf: z.number().int(),
    overdueCount: z.number().int(),
  })
  .openapi('OutstandingTotal');

export const InvoicePage = z
  .object({
    items: z.array(Invoice),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    outstanding: Outstanding,
  })
  .openapi('InvoicePage');

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(100)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .openapi({ description: 'Required: the same key (with the same invoices) returns the same payment', example: 'b2f4c6e8-pay-1' }),
});

export const StartPaymentBody = z
  .object({
    invoiceIds: z.array(z.number().int().positive()).min(1).max(MAX_INVOICES_PER_PAYMENT),
    returnUrl: z.string().url().max(2000).openapi({ description: "After paying; on the portal's or the partner's registered origin" }),
    cancelUrl: z.string().url().max(2000).openapi({ description: "After cancelling; on the portal's or the partner's registered origin" }),
    language: z.enum(['hu', 'en']).optional().openapi({ description: "The payment page's language (Hungarian by default)" }),
  })
  .openapi('StartPayment');

export const StartedPayment = z
  .object({
    paymentId: z.string().uuid(),
    status: z.enum(['pending', 'succeeded', 'declined', 'cancelled', 'failed']),
    amountHuf: z.number().int(),
    redirectUrl: z.string().nullable().openapi({ description: 'The hosted payment page to send the browser to, while the payment can be paid' }),
  })
  .openapi('StartedPayment');

export const PaymentParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});

export const Payment = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['pending', 'succeeded', 'declined', 'cancelled', 'failed']),
    amountHuf: z.number().int(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    completedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    redirectUrl: z.string().nullable(),
    providerReference: z.string().nullable(),
    receiptDocumentId: z.string().nullable().openapi({ description: 'The receipt in the mailbox, once paid' }),
    refundDueHuf: z.number().int(),
    invoices: z.array(
      z.object({
        id: z.number().int(),
        invoiceNumber: z.string(),
        policyNumber: z.string(),
        amountHuf: z.number().int(),
        status: z.enum(['open', 'overdue', 'paid', 'cancelled']),
      }),
    ),
  })
  .openapi('Payment');

export const WebhookAck = z.object({ received: z.literal(true), outcome: z.enum(['applied', 'duplicate', 'ignored', 'refund_due']) }).openapi('WebhookAck');
