import { describeInsuredObject, type InsuredObject, type PostalAddress } from '../../kernel/insured-object.ts';
import { PRODUCTS, type LocalizedName, type PaymentFrequency, type PaymentMethod, type ProductCode } from '../../kernel/products.ts';
import type { ScopedPolicy } from './policy-access.ts';

/** What the portal shows of a policy, in a list row and on top of its detail page. */
export type PolicyStatus = 'active' | 'cancelled';

export interface PolicySummary {
  id: number;
  policyNumber: string;
  product: ProductCode;
  productName: LocalizedName;
  status: PolicyStatus;
  startDate: string;
  endDate: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  annualPremiumHuf: number;
  paymentFrequency: PaymentFrequency;
  paymentMethod: PaymentMethod;
  insuredObject: InsuredObject;
  /** One line naming the insured object (plate and car, address, destination). */
  insuredObjectLabel: string;
  brokerName: string | null;
  /** Open invoices (overdue included): the outstanding premium (kiterhelt díj). */
  outstandingHuf: number;
  openInvoices: number;
  overdueInvoices: number;
  /** Change requests waiting for back-office review. */
  pendingChanges: number;
}

export interface PolicyCounters {
  outstandingHuf: number;
  openInvoices: number;
  overdueInvoices: number;
  pendingChanges: number;
}

export function policySummary(policy: ScopedPolicy, counters: PolicyCounters): PolicySummary {
  return {
    id: policy.id,
    policyNumber: policy.policyNumber,
    product: policy.product,
    productName: PRODUCTS[policy.product].name,
    status: policy.status,
    startDate: policy.startDate,
    endDate: policy.endDate,
    cancelledAt: policy.cancelledAt,
    cancelReason: policy.cancelReason,
    annualPremiumHuf: policy.annualPremiumHuf,
    paymentFrequency: policy.paymentFrequency,
    paymentMethod: policy.paymentMethod,
    insuredObject: policy.insuredObject,
    insuredObjectLabel: describeInsuredObject(policy.insuredObject),
    brokerName: policy.brokerName,
    ...counters,
  };
}

export function formatAddress(address: PostalAddress): string {
  return `${address.postcode} ${address.city}, ${address.addressLine}`;
}
