import type { Language } from '../../common/language.ts';
import type { CancelReason } from '../kernel/cancel-reasons.ts';
import type { InsuredObject } from '../kernel/insured-object.ts';
import type { ClaimType, PaymentFrequency, PaymentMethod, ProductCode } from '../kernel/products.ts';
import type { DocumentInput } from '../documents/pdf/input.ts';

/**
 * The demo data as plain objects, before any database: rows refer to each other by their
 * business keys (customer number, policy number…), which the inserter maps to row ids.
 * Dates are ISO dates, timestamps ISO strings.
 */
export interface SeedBroker {
  code: string;
  name: string;
  /** The contact the overview shows the broker's customers (each optional). */
  phone?: string | null;
  email?: string | null;
  website?: string | null;
}

export interface SeedPartnerClient {
  clientId: string;
  brokerCode: string | null;
  displayName: string;
  origins: string[];
  redirectUris: string[];
  policyScope: 'broker' | 'all';
}

export interface SeedCustomer {
  customerNumber: string;
  kind: 'person' | 'company';
  name: string;
  birthDate: string | null;
  taxNumber: string | null;
  postcode: string;
  city: string;
  addressLine: string;
  email: string;
  phone: string;
  language: Language;
  createdAt: string;
  /** Only the demo customers with a login; the password is hashed at insert time. */
  account: { username: string; password: string; emailVerifiedAt: string } | null;
}

export interface SeedPolicy {
  policyNumber: string;
  customerNumber: string;
  brokerCode: string | null;
  product: ProductCode;
  status: 'active' | 'cancelled';
  startDate: string;
  endDate: string | null;
  cancelledAt: string | null;
  cancelReason: CancelReason | null;
  annualPremiumHuf: number;
  paymentFrequency: PaymentFrequency;
  paymentMethod: PaymentMethod;
  insuredObject: InsuredObject;
  createdAt: string;
}

export interface SeedInvoice {
  invoiceNumber: string;
  policyNumber: string;
  customerNumber: string;
  periodStart: string;
  periodEnd: string;
  amountHuf: number;
  dueDate: string;
  status: 'open' | 'paid' | 'cancelled';
  paidAt: string | null;
  /** When the notice was issued. */
  createdAt: string;
}

export type ClaimStatus = 'received' | 'in_review' | 'approved' | 'rejected' | 'paid' | 'closed';

export interface SeedClaim {
  claimNumber: string;
  policyNumber: string;
  customerNumber: string;
  claimType: ClaimType;
  occurredAt: string;
  place: string;
  description: string;
  estimatedDamageHuf: number | null;
  otherParty: { name: string; plate?: string } | null;
  otherPartySituation: 'known' | null;
  contactPreference: 'email' | 'phone' | 'post';
  status: ClaimStatus;
  clientId: string | null;
  /** Not a column: what was paid out, for the claims-history certificate. */
  payoutHuf: number | null;
  createdAt: string;
  updatedAt: string;
  history: { status: ClaimStatus; note: string; createdAt: string }[];
}

export interface SeedDocument {
  /** Also printed in the PDF's footer. */
  id: string;
  customerNumber: string;
  policyNumber: string | null;
  input: DocumentInput;
  readAt: string | null;
}

export interface SeedData {
  seed: number;
  today: string;
  brokers: SeedBroker[];
  partnerClients: SeedPartnerClient[];
  customers: SeedCustomer[];
  policies: SeedPolicy[];
  invoices: SeedInvoice[];
  claims: SeedClaim[];
  documents: SeedDocument[];
}
