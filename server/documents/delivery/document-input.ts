import type { Sequelize, Transaction } from 'sequelize';
import { PRODUCTS } from '../../kernel/products.ts';
import type { ClaimLine, DocumentInput, DocumentPolicy, InvoiceLine, PaidInvoiceLine } from '../pdf/input.ts';
import { DOCUMENT_TYPES, appliesToProduct, type DocumentTypeCode } from '../../kernel/document-types.ts';
import { addDays, addYears, budapestDate, nextAnniversary } from '../../kernel/calendar.ts';
import { DocumentIssueError } from './errors.ts';
import {
  claimsOf,
  findCustomer,
  findPolicy,
  invoicesOf,
  type ClaimRecord,
  type CustomerRecord,
  type InvoiceRecord,
  type PolicyRecord,
  type PolicyWithCustomer,
} from './records.ts';
import { documentParty } from '../party.ts';

/**
 * Builds a template's `DocumentInput` from the database, for the types operations can issue
 * from a template for a customer's policy. The event types (change confirmation, payment
 * receipt, claim acknowledgement) are issued by the services that own those events; here they
 * are refused (they can still be delivered as a prepared PDF).
 *
 * Split in two so a bulk run can load the rows of a hundred policies in a few queries and
 * then build each input in memory: `loadDocumentFacts` (SQL) and `buildDocumentInput` (pure).
 */
export const TEMPLATE_DOCUMENT_TYPES = [
  'kotveny',
  'dijbekero',
  'dijigazolas',
  'kartorteneti_igazolas',
  'biztositasi_igazolas',
  'evfordulos_ertesito',
] as const satisfies readonly DocumentTypeCode[];

export type TemplateDocumentType = (typeof TEMPLATE_DOCUMENT_TYPES)[number];

export function isTemplateDocumentType(type: DocumentTypeCode): type is TemplateDocumentType {
  return (TEMPLATE_DOCUMENT_TYPES as readonly string[]).includes(type);
}

/** Types that only make sense for a policy that is in force. */
const ACTIVE_ONLY: ReadonlySet<DocumentTypeCode> = new Set(['biztositasi_igazolas', 'evfordulos_ertesito']);

/** The renewal notice's indexation: +7 %, rounded to 100 Ft (deterministic, same for every policy). */
export const RENEWAL_INDEXATION_PERCENT = 7;

export function indexedAnnualPremium(annualPremiumHuf: number): number {
  return Math.round((annualPremiumHuf * (100 + RENEWAL_INDEXATION_PERCENT)) / 100 / 100) * 100;
}

/** What may be issued for this policy, before any invoice or claim is looked at. */
export function assertIssuable(type: DocumentTypeCode, policy: PolicyRecord | null): asserts type is TemplateDocumentType {
  const name = DOCUMENT_TYPES[type].name.hu;
  if (!isTemplateDocumentType(type)) {
    throw new DocumentIssueError(
      'type_not_issuable',
      `"${type}" (${name}) is issued by the service that owns its event, not from a template; deliver a prepared PDF instead.`,
    );
  }
  if (!policy) throw new DocumentIssueError('type_needs_policy', `"${type}" (${name}) is issued for a policy: name the policy.`);
  if (!appliesToProduct(type, policy.product)) {
    throw new DocumentIssueError('type_not_for_product', `"${type}" (${name}) is not issued for ${PRODUCTS[policy.product].shortName.en} policies.`);
  }
  if (ACTIVE_ONLY.has(type) && policy.status !== 'active') {
    throw new DocumentIssueError('policy_not_active', `"${type}" (${name}) is only issued for an active policy; policy ${policy.policyNumber} is cancelled.`);
  }
}

/** The invoices and claims of one policy that its document may need. */
export interface DocumentFacts {
  invoices: InvoiceRecord[];
  claims: ClaimRecord[];
}

const NO_FACTS: DocumentFacts = { invoices: [], claims: [] };

/** The premium certificate's window: the 12 months up to the issue day. */
function certificatePeriod(today: string): { from: string; to: string } {
  return { from: addDays(addYears(today, -1), 1), to: today };
}

/** Loads, for several policies at once, the rows `type` needs (nothing for most types). */
export async function loadDocumentFacts(
  sequelize: Sequelize,
  type: TemplateDocumentType,
  policyIds: readonly number[],
  issuedAt: string,
  transaction?: Transaction | null,
): Promise<Map<number, DocumentFacts>> {
  const facts = new Map<number, DocumentFacts>(policyIds.map((id) => [id, { invoices: [], claims: [] }]));
  let invoices: InvoiceRecord[] = [];
  let claims: ClaimRecord[] = [];
  if (type === 'dijbekero') invoices = await invoicesOf(sequelize, policyIds, { status: 'open' }, transaction);
  if (type === 'dijigazolas') {
    // A day of slack for the time zone; buildDocumentInput keeps exactly the Budapest dates in the window.
    const { from } = certificatePeriod(budapestDate(issuedAt));
    invoices = await invoicesOf(sequelize, policyIds, { status: 'paid', paidSince: new Date(Date.parse(`${addDays(from, -1)}T00:00:00Z`)) }, transaction);
  }
  if (type === 'kartorteneti_igazolas') claims = await claimsOf(sequelize, policyIds, transaction);
  for (const invoice of invoices) facts.get(invoice.policyId)?.invoices.push(invoice);
  for (const claim of claims) facts.get(claim.policyId)?.claims.push(claim);
  return facts;
}

export { documentParty };

export function documentPolicy(policy: PolicyRecord): DocumentPolicy {
  return {
    policyNumber: policy.policyNumber,
    product: policy.product,
    status: policy.status,
    startDate: policy.startDate,
    endDate: policy.endDate,
    cancelledAt: policy.cancelledAt,
    annualPremiumHuf: policy.annualPremiumHuf,
    paymentFrequency: policy.paymentFrequency,
    paymentMethod: policy.paymentMethod,
    insuredObject: policy.insuredObject,
    brokerName: policy.brokerName,
  };
}

const invoiceLine = (i: InvoiceRecord): InvoiceLine => ({
  invoiceNumber: i.invoiceNumber,
  periodStart: i.periodStart,
  periodEnd: i.periodEnd,
  dueDate: i.dueDate,
  amountHuf: i.amountHuf,
});

/**
 * The template input for one policy (pure: same rows, same input). Throws DocumentIssueError
 * when the document cannot be issued (nothing to bill, no anniversary ahead, wrong product…).
 */
export function buildDocumentInput(
  type: DocumentTypeCode,
  target: PolicyWithCustomer,
  facts: DocumentFacts,
  meta: { documentId: string; issuedAt: string },
): DocumentInput {
  const { policy, customer } = target;
  assertIssuable(type, policy);
  const today = budapestDate(meta.issuedAt);
  const common = { documentId: meta.documentId, issuedAt: meta.issuedAt, customer: documentParty(customer), policy: documentPolicy(policy) };
  switch (type) {
    case 'kotveny':
      return { ...common, type };
    case 'dijbekero': {
      const open = facts.invoices.filter((i) => i.status === 'open');
      if (open.length === 0) throw new DocumentIssueError('nothing_to_bill', `Policy ${policy.policyNumber} has no open invoice: there is nothing to bill.`);
      // One invoice: its number matches the transfer; several: the policy number does.
      const paymentReference = open.length === 1 ? open[0]!.invoiceNumber : policy.policyNumber;
      return { ...common, type, invoices: open.map(invoiceLine), paymentReference };
    }
    case 'dijigazolas': {
      const period = certificatePeriod(today);
      const payments: PaidInvoiceLine[] = facts.invoices
        .filter((i) => i.status === 'paid' && i.paidAt !== null)
        .filter((i) => {
          const day = budapestDate(i.paidAt!);
          return day >= period.from && day <= period.to;
        })
        .map((i) => ({ ...invoiceLine(i), paidAt: i.paidAt! }));
      return { ...common, type, periodFrom: period.from, periodTo: period.to, payments };
    }
    case 'kartorteneti_igazolas': {
      const end = policy.cancelledAt && policy.cancelledAt < today ? policy.cancelledAt : today;
      // The database keeps no payout amount, so the certificate shows none ("–").
      const claims: ClaimLine[] = facts.claims.map((c) => ({
        claimNumber: c.claimNumber,
        claimType: c.claimType,
        occurredAt: c.occurredAt,
        status: c.status,
        paidHuf: null,
      }));
      return { ...common, type, periodFrom: policy.startDate, periodTo: end, claims };
    }
    case 'biztositasi_igazolas':
      return { ...common, type, validOn: today };
    case 'evfordulos_ertesito': {
      const anniversaryDate = nextAnniversary(policy.startDate, today);
      if (policy.endDate && anniversaryDate > policy.endDate) {
        throw new DocumentIssueError('no_anniversary', `Policy ${policy.policyNumber} ends on ${policy.endDate}, before its next anniversary.`);
      }
      return { ...common, type, anniversaryDate, newAnnualPremiumHuf: indexedAnnualPremium(policy.annualPremiumHuf) };
    }
  }
}

/** Who a single document is for: the customer, and the policy for policy-scope types. */
export interface IssueTarget {
  customer: { id: number } | { customerNumber: string };
  policy?: { id: number } | { policyNumber: string } | null;
}

/** Resolves the customer and (optional) policy, checking that the policy is the customer's. */
export async function resolveTarget(
  sequelize: Sequelize,
  target: IssueTarget,
  transaction?: Transaction | null,
): Promise<{ customer: CustomerRecord; policy: PolicyRecord | null }> {
  const customer = await findCustomer(sequelize, target.customer, transaction);
  if (!customer) {
    const shown = 'id' in target.customer ? `id ${target.customer.id}` : target.customer.customerNumber;
    throw new DocumentIssueError('customer_not_found', `No customer ${shown}.`);
  }
  if (!target.policy) return { customer, policy: null };
  const found = await findPolicy(sequelize, target.policy, transaction);
  if (!found) {
    const shown = 'id' in target.policy ? `id ${target.policy.id}` : target.policy.policyNumber;
    throw new DocumentIssueError('policy_not_found', `No policy ${shown}.`);
  }
  if (found.policy.customerId !== customer.id) {
    throw new DocumentIssueError('policy_not_of_customer', `Policy ${found.policy.policyNumber} does not belong to customer ${customer.customerNumber}.`);
  }
  return { customer, policy: found.policy };
}

/** One document's template input, read from the database. */
export async function loadDocumentInput(
  sequelize: Sequelize,
  type: DocumentTypeCode,
  target: IssueTarget,
  meta: { documentId: string; issuedAt: string },
  transaction?: Transaction | null,
): Promise<{ input: DocumentInput; customer: CustomerRecord; policy: PolicyRecord | null }> {
  const { customer, policy } = await resolveTarget(sequelize, target, transaction);
  assertIssuable(type, policy);
  const facts = (await loadDocumentFacts(sequelize, type, [policy!.id], meta.issuedAt, transaction)).get(policy!.id) ?? NO_FACTS;
  return { input: buildDocumentInput(type, { customer, policy: policy! }, facts, meta), customer, policy };
}
