import type { ClaimType, PaymentFrequency, PaymentMethod, ProductCode } from '../../kernel/products.ts';
import type { InsuredObject } from '../../kernel/insured-object.ts';
import type { ReportedOtherParty } from '../../kernel/other-party.ts';

/**
 * What a document template needs, as plain data: no database rows, so a template renders the
 * same bytes from the same input (a fixed `issuedAt` also fixes the PDF's dates).
 */
export interface DocumentParty {
  kind: 'person' | 'company';
  name: string;
  customerNumber: string;
  postcode: string;
  city: string;
  addressLine: string;
  birthDate?: string | null;
  taxNumber?: string | null;
}

export interface DocumentPolicy {
  policyNumber: string;
  product: ProductCode;
  status: 'active' | 'cancelled';
  startDate: string;
  endDate?: string | null;
  cancelledAt?: string | null;
  annualPremiumHuf: number;
  paymentFrequency: PaymentFrequency;
  paymentMethod: PaymentMethod;
  insuredObject: InsuredObject;
  /** The intermediary's name; null for the insurer's direct business. */
  brokerName?: string | null;
}

export interface InvoiceLine {
  invoiceNumber: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  amountHuf: number;
}

export interface PaidInvoiceLine extends InvoiceLine {
  paidAt: string;
}

export interface ClaimLine {
  claimNumber: string;
  claimType: ClaimType;
  occurredAt: string;
  status: 'received' | 'in_review' | 'approved' | 'rejected' | 'paid' | 'closed';
  /** What the insurer paid out; null while open or when rejected. */
  paidHuf?: number | null;
}

interface Common {
  /** Printed in the footer; the seed uses the documents row's uuid. */
  documentId: string;
  /** ISO timestamp: the "Kelt" date and the PDF's creation date. */
  issuedAt: string;
  customer: DocumentParty;
}

export interface PolicyDocumentInput extends Common {
  type: 'kotveny';
  policy: DocumentPolicy;
}

export interface PremiumNoticeInput extends Common {
  type: 'dijbekero';
  policy: DocumentPolicy;
  invoices: InvoiceLine[];
  /** Put in the transfer's "közlemény" so the payment is matched. */
  paymentReference: string;
}

export interface PremiumCertificateInput extends Common {
  type: 'dijigazolas';
  policy: DocumentPolicy;
  periodFrom: string;
  periodTo: string;
  payments: PaidInvoiceLine[];
}

export interface ClaimsHistoryInput extends Common {
  type: 'kartorteneti_igazolas';
  policy: DocumentPolicy;
  periodFrom: string;
  periodTo: string;
  claims: ClaimLine[];
}

export interface InsuranceCertificateInput extends Common {
  type: 'biztositasi_igazolas';
  policy: DocumentPolicy;
  validOn: string;
}

export interface ChangeConfirmationInput extends Common {
  type: 'modositas_visszaigazolas';
  policy: DocumentPolicy;
  effectiveDate: string;
  changes: { label: string; oldValue: string; newValue: string }[];
}

export interface PaymentReceiptInput extends Common {
  type: 'befizetes_igazolas';
  /** `receiptNumber`: the insurer's number of this receipt (BF-2026-100001); `reference`: the payment provider's transaction. */
  payment: { receiptNumber: string; reference: string; paidAt: string; method: PaymentMethod; amountHuf: number };
  items: { invoiceNumber: string; policyNumber: string; amountHuf: number }[];
}

export interface ClaimAcknowledgementInput extends Common {
  type: 'karbejelentes_visszaigazolas';
  policy: DocumentPolicy;
  claim: {
    claimNumber: string;
    claimType: ClaimType;
    occurredAt: string;
    reportedAt: string;
    place: string;
    description: string;
    estimatedDamageHuf?: number | null;
    /** What the customer said of a motor loss's other party; absent or null when the report asked nothing. */
    otherParty?: ReportedOtherParty | null;
  };
}

export interface RenewalNoticeInput extends Common {
  type: 'evfordulos_ertesito';
  policy: DocumentPolicy;
  anniversaryDate: string;
  newAnnualPremiumHuf: number;
}

export type DocumentInput =
  | PolicyDocumentInput
  | PremiumNoticeInput
  | PremiumCertificateInput
  | ClaimsHistoryInput
  | InsuranceCertificateInput
  | ChangeConfirmationInput
  | PaymentReceiptInput
  | ClaimAcknowledgementInput
  | RenewalNoticeInput;

/** The input of one document type: `InputOf<'dijbekero'>`. */
export type InputOf<T extends DocumentInput['type']> = Extract<DocumentInput, { type: T }>;
