import type { Invoice } from '../../../../widgets/api/schemas.ts';

/** An open invoice as `GET /invoices` lists it; `extra` overrides any field. */
export function invoice(id: number, dueDate: string, amountHuf: number, extra: Partial<Invoice> = {}): Invoice {
  return {
    id,
    invoiceNumber: `DB-2025-${String(id).padStart(4, '0')}`,
    policyId: 10 + id,
    policyNumber: `KGFB-${100 + id}`,
    product: 'kgfb',
    periodStart: '2025-01-01',
    periodEnd: '2025-03-31',
    amountHuf,
    dueDate,
    status: 'open',
    overdue: false,
    daysOverdue: 0,
    paidAt: null,
    paymentPending: false,
    pendingPaymentId: null,
    receiptDocumentId: null,
    ...extra,
  };
}
