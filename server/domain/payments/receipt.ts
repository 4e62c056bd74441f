import type { NotificationRecipient } from '../../documents/delivery/notification.ts';
import { documentParty } from '../../documents/delivery/document-input.ts';
import type { CustomerRecord } from '../../documents/delivery/records.ts';
import type { PaymentReceiptInput } from '../../documents/pdf/input.ts';
import { portalLinks } from '../../notifications/links.ts';
import type { OutboxMessage } from '../../notifications/outbox.ts';

/**
 * The receipt of a succeeded payment (Befizetés igazolása, a mailbox document) and its
 * "payment received" e-mail. Pure: the caller renders the PDF before its transaction opens.
 * Only the invoices this payment actually settled are listed.
 */
export interface SettledLine {
  invoiceNumber: string;
  policyNumber: string;
  amountHuf: number;
}

export interface ReceiptFacts {
  documentId: string;
  issuedAt: string;
  customer: CustomerRecord;
  /** The insurer's number of the receipt (see receipt-number.ts). */
  receiptNumber: string;
  /** The provider's transaction reference. */
  reference: string;
  paidAt: string;
  amountHuf: number;
  items: readonly SettledLine[];
}

export function receiptInput(facts: ReceiptFacts): PaymentReceiptInput {
  return {
    type: 'befizetes_igazolas',
    documentId: facts.documentId,
    issuedAt: facts.issuedAt,
    customer: documentParty(facts.customer),
    payment: { receiptNumber: facts.receiptNumber, reference: facts.reference, paidAt: facts.paidAt, method: 'card', amountHuf: facts.amountHuf },
    items: facts.items.map((i) => ({ invoiceNumber: i.invoiceNumber, policyNumber: i.policyNumber, amountHuf: i.amountHuf })),
  };
}

export function receiptNotification(
  publicUrl: URL,
  customer: NotificationRecipient & { email: string },
  facts: ReceiptFacts,
): OutboxMessage<'payment_receipt'> {
  return {
    customerId: customer.id,
    to: customer.email,
    template: 'payment_receipt',
    language: customer.language,
    data: {
      customerNumber: customer.customerNumber,
      amount: facts.amountHuf,
      paidAt: facts.paidAt,
      paymentReference: facts.reference,
      invoices: facts.items.map((i) => ({ number: i.invoiceNumber, amount: i.amountHuf })),
      documentUrl: portalLinks(publicUrl).document(facts.documentId),
    },
  };
}
