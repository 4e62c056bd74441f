import { QueryTypes, type Sequelize } from 'sequelize';
import { budapestDate, isoDateOf, isoTimestampOf } from '../../kernel/calendar.ts';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { PostalAddress } from '../../kernel/insured-object.ts';
import {
  CLAIM_TYPES,
  PRODUCTS,
  allowedPaymentMethods,
  type ClaimType,
  type LocalizedName,
  type PaymentFrequency,
  type PaymentMethod,
} from '../../kernel/products.ts';
import { CHANGE_REQUEST_COLUMNS, changeRequestOf, type ChangeRequestView } from './change-request-view.ts';
import { nowOf, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import { findScopedPolicy } from './policy-access.ts';
import { policySummary, type PolicySummary } from './policy-views.ts';

/**
 * One contract with everything the detail page shows: product, insured object, dates,
 * premium, payment terms, correspondence address, invoices, claims, mailbox documents and
 * change requests. Five queries, whatever the contract holds.
 */
export type InvoiceDisplayStatus = 'open' | 'overdue' | 'paid' | 'cancelled';

export interface PolicyInvoice {
  id: number;
  invoiceNumber: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  amountHuf: number;
  /** `overdue` is an open invoice whose due date has passed (Budapest calendar). */
  status: InvoiceDisplayStatus;
  paidAt: string | null;
}

export interface PolicyClaim {
  id: number;
  claimNumber: string;
  claimType: ClaimType;
  claimTypeName: LocalizedName;
  occurredAt: string;
  status: string;
  reportedAt: string;
}

export interface PolicyDocument {
  id: string;
  type: DocumentTypeCode;
  typeName: LocalizedName;
  title: string;
  filename: string;
  sizeBytes: number;
  issuedAt: string;
  readAt: string | null;
}

export interface PolicyDetail extends PolicySummary {
  /** Set on the contract; null: letters go to the customer's own address. */
  correspondenceAddress: PostalAddress | null;
  /** Where letters actually go. */
  effectiveCorrespondenceAddress: PostalAddress;
  /** Whether contract data may be changed (only on an active contract). */
  changeable: boolean;
  /** The payment terms the product allows: every frequency, and the methods per frequency. */
  paymentOptions: { frequency: PaymentFrequency; methods: PaymentMethod[] }[];
  invoices: PolicyInvoice[];
  claims: PolicyClaim[];
  documents: PolicyDocument[];
  changeRequests: ChangeRequestView[];
}

export interface GetPolicyArgs extends CustomerScope {
  policyId: number;
}

type Row = Record<string, unknown>;

async function select(sequelize: Sequelize, sql: string, bind: unknown[]): Promise<Row[]> {
  return sequelize.query<Row>(sql, { bind, type: QueryTypes.SELECT });
}

export async function getPolicy(ctx: DomainContext, args: GetPolicyArgs): Promise<PolicyDetail> {
  const { sequelize } = ctx;
  const { policy, customer } = await findScopedPolicy(sequelize, args, args.policyId);
  const today = budapestDate(nowOf(ctx));

  const invoiceRows = await select(
    sequelize,
    `select id, invoice_number, period_start, period_end, due_date, amount_huf, status, paid_at
       from invoices where policy_id = $1 order by due_date desc, id desc`,
    [policy.id],
  );
  const claimRows = await select(
    sequelize,
    `select id, claim_number, claim_type, occurred_at, status, created_at from claims where policy_id = $1 and customer_id = $2
      order by created_at desc, id desc`,
    [policy.id, customer.id],
  );
  const documentRows = await select(
    sequelize,
    `select id, type, title, filename, size_bytes, issued_at, read_at from documents where policy_id = $1 and customer_id = $2
      order by issued_at desc, id`,
    [policy.id, customer.id],
  );
  const changeRows = await select(
    sequelize,
    `select ${CHANGE_REQUEST_COLUMNS} from change_requests cr where cr.policy_id = $1 and cr.customer_id = $2 order by cr.created_at desc, cr.id`,
    [policy.id, customer.id],
  );

  const invoices: PolicyInvoice[] = invoiceRows.map((row) => {
    const dueDate = isoDateOf(row.due_date);
    const stored = row.status as 'open' | 'paid' | 'cancelled';
    return {
      id: Number(row.id),
      invoiceNumber: String(row.invoice_number),
      periodStart: isoDateOf(row.period_start),
      periodEnd: isoDateOf(row.period_end),
      dueDate,
      amountHuf: Number(row.amount_huf),
      status: stored === 'open' && dueDate < today ? 'overdue' : stored,
      paidAt: row.paid_at == null ? null : isoTimestampOf(row.paid_at),
    };
  });
  const changeRequests = changeRows.map(changeRequestOf);
  const unpaid = invoices.filter((i) => i.status === 'open' || i.status === 'overdue');
  const product = PRODUCTS[policy.product];

  return {
    ...policySummary(policy, {
      outstandingHuf: unpaid.reduce((sum, i) => sum + i.amountHuf, 0),
      openInvoices: unpaid.length,
      overdueInvoices: unpaid.filter((i) => i.status === 'overdue').length,
      pendingChanges: changeRequests.filter((c) => c.status === 'pending').length,
    }),
    correspondenceAddress: policy.correspondenceAddress,
    // The contract's own address, else the customer's correspondence address, else the home address.
    effectiveCorrespondenceAddress: policy.correspondenceAddress ??
      customer.correspondenceAddress ?? { postcode: customer.postcode, city: customer.city, addressLine: customer.addressLine },
    changeable: policy.status === 'active',
    paymentOptions: product.frequencies.map((frequency) => ({ frequency, methods: allowedPaymentMethods(policy.product, frequency) })),
    invoices,
    claims: claimRows.map((row) => {
      const claimType = row.claim_type as ClaimType;
      return {
        id: Number(row.id),
        claimNumber: String(row.claim_number),
        claimType,
        claimTypeName: CLAIM_TYPES[claimType],
        occurredAt: isoTimestampOf(row.occurred_at),
        status: String(row.status),
        reportedAt: isoTimestampOf(row.created_at),
      };
    }),
    documents: documentRows.map((row) => {
      const type = row.type as DocumentTypeCode;
      return {
        id: String(row.id),
        type,
        typeName: DOCUMENT_TYPES[type]?.name ?? { hu: type, en: type },
        title: String(row.title),
        filename: String(row.filename),
        sizeBytes: Number(row.size_bytes),
        issuedAt: isoTimestampOf(row.issued_at),
        readAt: row.read_at == null ? null : isoTimestampOf(row.read_at),
      };
    }),
    changeRequests,
  };
}
