import { documentParty } from '../../documents/party.ts';
import type { DocumentInput, DocumentParty, DocumentPolicy } from '../../documents/pdf/input.ts';
import { addDays, at, daysBetween, minDate } from '../dates.ts';
import type { SeedClaim, SeedCustomer, SeedDocument, SeedInvoice, SeedPolicy } from '../model.ts';
import type { Random } from '../random.ts';
import { BROKERS } from './brokers.ts';
import { yesterday, type SeedContext } from './context.ts';

/**
 * Mailbox documents built from the seed's own rows, so a PDF never disagrees with the data
 * the portal shows. `read`: true/false, or undefined to draw (old mail is mostly read).
 */
export type ReadState = boolean | undefined;

/** The policy as it stood when the document was issued (a policy document predates any cancellation). */
export function documentPolicy(policy: SeedPolicy, asOf: string): DocumentPolicy {
  const cancelled = policy.cancelledAt !== null && policy.cancelledAt <= asOf.slice(0, 10);
  return {
    policyNumber: policy.policyNumber,
    product: policy.product,
    status: cancelled ? 'cancelled' : 'active',
    startDate: policy.startDate,
    endDate: policy.endDate,
    cancelledAt: cancelled ? policy.cancelledAt : null,
    annualPremiumHuf: policy.annualPremiumHuf,
    paymentFrequency: policy.paymentFrequency,
    paymentMethod: policy.paymentMethod,
    insuredObject: policy.insuredObject,
    brokerName: BROKERS.find((b) => b.code === policy.brokerCode)?.name ?? null,
  };
}

export class DocumentBuilder {
  readonly documents: SeedDocument[] = [];
  private readonly r: Random;

  constructor(
    private readonly ctx: SeedContext,
    private readonly customer: SeedCustomer,
  ) {
    this.r = ctx.rng.fork();
  }

  policyDocument(policy: SeedPolicy, read?: ReadState): void {
    this.add(policy, policy.createdAt, read, (common) => ({ ...common, type: 'kotveny', policy: documentPolicy(policy, common.issuedAt) }));
  }

  premiumNotice(policy: SeedPolicy, invoice: SeedInvoice, read?: ReadState): void {
    this.add(policy, invoice.createdAt, read, (common) => ({
      ...common,
      type: 'dijbekero',
      policy: documentPolicy(policy, common.issuedAt),
      paymentReference: invoice.invoiceNumber,
      invoices: [
        {
          invoiceNumber: invoice.invoiceNumber,
          periodStart: invoice.periodStart,
          periodEnd: invoice.periodEnd,
          dueDate: invoice.dueDate,
          amountHuf: invoice.amountHuf,
        },
      ],
    }));
  }

  /** A receipt for the paid invoices given (one payment may settle several). */
  paymentReceipt(policies: SeedPolicy[], paid: SeedInvoice[], read?: ReadState): void {
    const paidAt = paid
      .map((i) => i.paidAt ?? '')
      .sort()
      .at(-1);
    if (!paidAt) return;
    this.ctx.counters.receipt += 1;
    const receiptNumber = `BF-${paidAt.slice(0, 4)}-${String(this.ctx.counters.receipt).padStart(6, '0')}`;
    const reference = `demo_tx_${String(this.ctx.counters.receipt).padStart(6, '0')}`;
    const policy = policies.find((p) => p.policyNumber === paid[0]?.policyNumber) ?? null;
    this.add(null, paidAt, read, (common) => ({
      ...common,
      type: 'befizetes_igazolas',
      payment: { receiptNumber, reference, paidAt, method: policy?.paymentMethod ?? 'card', amountHuf: paid.reduce((s, i) => s + i.amountHuf, 0) },
      items: paid.map((i) => ({ invoiceNumber: i.invoiceNumber, policyNumber: i.policyNumber, amountHuf: i.amountHuf })),
    }));
  }

  claimsHistory(policy: SeedPolicy, claims: SeedClaim[], issuedOn: string, read?: ReadState): void {
    const periodTo = minDate(issuedOn, policy.cancelledAt ?? issuedOn);
    this.add(policy, at(issuedOn, 540), read, (common) => ({
      ...common,
      type: 'kartorteneti_igazolas',
      policy: documentPolicy(policy, common.issuedAt),
      periodFrom: policy.startDate,
      periodTo,
      claims: claims
        .filter((c) => c.policyNumber === policy.policyNumber)
        .map((c) => ({ claimNumber: c.claimNumber, claimType: c.claimType, occurredAt: c.occurredAt, status: c.status, paidHuf: c.payoutHuf })),
    }));
  }

  insuranceCertificate(policy: SeedPolicy, issuedOn: string, read?: ReadState): void {
    this.add(policy, at(issuedOn, 600), read, (common) => ({
      ...common,
      type: 'biztositasi_igazolas',
      policy: documentPolicy(policy, common.issuedAt),
      validOn: issuedOn,
    }));
  }

  premiumCertificate(policy: SeedPolicy, invoices: SeedInvoice[], periodFrom: string, periodTo: string, issuedOn: string, read?: ReadState): void {
    const payments = invoices
      .filter((i) => i.policyNumber === policy.policyNumber && i.paidAt && i.paidAt.slice(0, 10) >= periodFrom && i.paidAt.slice(0, 10) <= periodTo)
      .map((i) => ({
        invoiceNumber: i.invoiceNumber,
        periodStart: i.periodStart,
        periodEnd: i.periodEnd,
        dueDate: i.dueDate,
        amountHuf: i.amountHuf,
        paidAt: i.paidAt!,
      }));
    this.add(policy, at(issuedOn, 560), read, (common) => ({
      ...common,
      type: 'dijigazolas',
      policy: documentPolicy(policy, common.issuedAt),
      periodFrom,
      periodTo,
      payments,
    }));
  }

  changeConfirmation(policy: SeedPolicy, changes: { label: string; oldValue: string; newValue: string }[], effectiveDate: string, read?: ReadState): void {
    this.add(policy, at(addDays(effectiveDate, -3), 610), read, (common) => ({
      ...common,
      type: 'modositas_visszaigazolas',
      policy: documentPolicy(policy, common.issuedAt),
      effectiveDate,
      changes,
    }));
  }

  claimAcknowledgement(policy: SeedPolicy, claim: SeedClaim, read?: ReadState): void {
    this.add(policy, claim.createdAt, read, (common) => ({
      ...common,
      type: 'karbejelentes_visszaigazolas',
      policy: documentPolicy(policy, common.issuedAt),
      claim: {
        claimNumber: claim.claimNumber,
        claimType: claim.claimType,
        occurredAt: claim.occurredAt,
        reportedAt: claim.createdAt,
        place: claim.place,
        description: claim.description,
        estimatedDamageHuf: claim.estimatedDamageHuf,
      },
    }));
  }

  renewalNotice(policy: SeedPolicy, anniversary: string, increasePercent: number, read?: ReadState): void {
    const issued = minDate(addDays(anniversary, -45), yesterday(this.ctx));
    const newAnnual = Math.round((policy.annualPremiumHuf * (1 + increasePercent / 100)) / 120) * 120;
    this.add(policy, at(issued, 500), read, (common) => ({
      ...common,
      type: 'evfordulos_ertesito',
      policy: documentPolicy(policy, common.issuedAt),
      anniversaryDate: anniversary,
      newAnnualPremiumHuf: newAnnual,
    }));
  }

  private add(
    policy: SeedPolicy | null,
    issuedAt: string,
    read: ReadState,
    make: (common: { documentId: string; issuedAt: string; customer: DocumentParty }) => DocumentInput,
  ): void {
    const id = this.r.uuid();
    // Issued a few minutes after the event it reports, never after the reference day.
    const issued = new Date(Math.min(Date.parse(issuedAt) + this.r.int(2, 30) * 60_000, Date.parse(`${yesterday(this.ctx)}T22:00:00Z`))).toISOString();
    const age = daysBetween(issued.slice(0, 10), this.ctx.today);
    const readLater = this.r.int(0, 6);
    const isRead = read ?? this.r.chance(age > 20 ? 0.85 : 0.25);
    const readDay = minDate(addDays(issued.slice(0, 10), readLater), yesterday(this.ctx));
    const readAt = isRead ? new Date(Math.max(Date.parse(at(readDay, 1140)), Date.parse(issued) + 60_000)).toISOString() : null;
    this.documents.push({
      id,
      customerNumber: this.customer.customerNumber,
      policyNumber: policy?.policyNumber ?? null,
      input: make({ documentId: id, issuedAt: issued, customer: documentParty(this.customer) }),
      readAt,
    });
  }
}
