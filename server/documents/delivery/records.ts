import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { InsuredObject } from '../../kernel/insured-object.ts';
import type { ClaimType, PaymentFrequency, PaymentMethod, ProductCode } from '../../kernel/products.ts';
import { isoDateOf, isoTimestampOf } from '../../kernel/calendar.ts';
import type { Language } from '../../../common/language.ts';

/**
 * The rows a document is built from, read with plain SQL in sets (`id = any($1)`), so issuing
 * one document and issuing a hundred thousand share the same queries: a bulk run costs a few
 * round trips per batch, never one per policy.
 */
export interface CustomerRecord {
  id: number;
  customerNumber: string;
  kind: 'person' | 'company';
  name: string;
  birthDate: string | null;
  taxNumber: string | null;
  postcode: string;
  city: string;
  addressLine: string;
  email: string | null;
  language: Language;
  /** Whether the customer has opened a portal account (the document e-mail then offers log-in, not registration). */
  hasAccount: boolean;
}

export interface PolicyRecord {
  id: number;
  customerId: number;
  policyNumber: string;
  product: ProductCode;
  status: 'active' | 'cancelled';
  startDate: string;
  endDate: string | null;
  cancelledAt: string | null;
  annualPremiumHuf: number;
  paymentFrequency: PaymentFrequency;
  paymentMethod: PaymentMethod;
  insuredObject: InsuredObject;
  brokerName: string | null;
}

export interface InvoiceRecord {
  policyId: number;
  invoiceNumber: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  amountHuf: number;
  status: 'open' | 'paid' | 'cancelled';
  paidAt: string | null;
}

export interface ClaimRecord {
  policyId: number;
  claimNumber: string;
  claimType: ClaimType;
  occurredAt: string;
  status: 'received' | 'in_review' | 'approved' | 'rejected' | 'paid' | 'closed';
}

/** A policy with its holder, as one row of the join below. */
export interface PolicyWithCustomer {
  policy: PolicyRecord;
  customer: CustomerRecord;
}

type Row = Record<string, unknown>;
const tx = (transaction?: Transaction | null) => transaction ?? null;

export const CUSTOMER_COLUMNS = `c.id as c_id, c.customer_number, c.kind, c.name, c.birth_date, c.tax_number, c.postcode, c.city,
  c.address_line, c.email, c.language, exists (select 1 from accounts a where a.customer_id = c.id) as has_account`;

/** A customer from a row selected with `CUSTOMER_COLUMNS` (customers aliased `c`). */
export function customerOf(row: Row): CustomerRecord {
  return {
    id: Number(row.c_id),
    customerNumber: String(row.customer_number),
    kind: row.kind as CustomerRecord['kind'],
    name: String(row.name),
    birthDate: row.birth_date == null ? null : isoDateOf(row.birth_date),
    taxNumber: row.tax_number == null ? null : String(row.tax_number),
    postcode: String(row.postcode),
    city: String(row.city),
    addressLine: String(row.address_line),
    email: typeof row.email === 'string' && row.email.trim() ? row.email.trim() : null,
    language: row.language === 'en' ? 'en' : 'hu',
    hasAccount: row.has_account === true,
  };
}

function policyOf(row: Row): PolicyRecord {
  return {
    id: Number(row.p_id),
    customerId: Number(row.customer_id),
    policyNumber: String(row.policy_number),
    product: row.product as ProductCode,
    status: row.status as PolicyRecord['status'],
    startDate: isoDateOf(row.start_date),
    endDate: row.end_date == null ? null : isoDateOf(row.end_date),
    cancelledAt: row.cancelled_at == null ? null : isoDateOf(row.cancelled_at),
    annualPremiumHuf: Number(row.annual_premium_huf),
    paymentFrequency: row.payment_frequency as PaymentFrequency,
    paymentMethod: row.payment_method as PaymentMethod,
    insuredObject: (typeof row.insured_object === 'string' ? JSON.parse(row.insured_object) : row.insured_object) as InsuredObject,
    brokerName: row.broker_name == null ? null : String(row.broker_name),
  };
}

export async function findCustomer(
  sequelize: Sequelize,
  key: { id: number } | { customerNumber: string },
  transaction?: Transaction | null,
): Promise<CustomerRecord | null> {
  const [where, value] = 'id' in key ? ['c.id = $1', key.id] : ['c.customer_number = $1', key.customerNumber];
  const rows = await sequelize.query<Row>(`select ${CUSTOMER_COLUMNS} from customers c where ${where}`, {
    bind: [value],
    type: QueryTypes.SELECT,
    transaction: tx(transaction),
  });
  return rows[0] ? customerOf(rows[0]) : null;
}

const POLICY_SELECT = `
  select p.id as p_id, p.customer_id, p.policy_number, p.product, p.status, p.start_date, p.end_date, p.cancelled_at,
         p.annual_premium_huf, p.payment_frequency, p.payment_method, p.insured_object, b.name as broker_name,
         ${CUSTOMER_COLUMNS}
    from policies p
    join customers c on c.id = p.customer_id
    left join brokers b on b.id = p.broker_id`;

/** One policy by id or number, with its holder; null when there is none. */
export async function findPolicy(
  sequelize: Sequelize,
  key: { id: number } | { policyNumber: string },
  transaction?: Transaction | null,
): Promise<PolicyWithCustomer | null> {
  const [where, value] = 'id' in key ? ['p.id = $1', key.id] : ['p.policy_number = $1', key.policyNumber];
  const rows = await sequelize.query<Row>(`${POLICY_SELECT} where ${where}`, { bind: [value], type: QueryTypes.SELECT, transaction: tx(transaction) });
  return rows[0] ? { policy: policyOf(rows[0]), customer: customerOf(rows[0]) } : null;
}

/** Policies (with holders) by id, in id order. */
export async function policiesById(sequelize: Sequelize, ids: readonly number[], transaction?: Transaction | null): Promise<PolicyWithCustomer[]> {
  if (ids.length === 0) return [];
  const rows = await sequelize.query<Row>(`${POLICY_SELECT} where p.id = any($1::int[]) order by p.id`, {
    bind: [ids],
    type: QueryTypes.SELECT,
    transaction: tx(transaction),
  });
  return rows.map((row) => ({ policy: policyOf(row), customer: customerOf(row) }));
}

/** The ids of the active policies of a product, in id order (the bulk run's work list). */
export async function activePolicyIds(sequelize: Sequelize, product: ProductCode, transaction?: Transaction | null): Promise<number[]> {
  const rows = await sequelize.query<{ id: number }>(`select id from policies where product = $1 and status = 'active' order by id`, {
    bind: [product],
    type: QueryTypes.SELECT,
    transaction: tx(transaction),
  });
  return rows.map((row) => Number(row.id));
}

/**
 * Invoices of the given policies: `open` ones (open and overdue: the outstanding premium), or
 * `paid` ones paid at or after `paidSince`. Ordered by due date.
 */
export async function invoicesOf(
  sequelize: Sequelize,
  policyIds: readonly number[],
  filter: { status: 'open' } | { status: 'paid'; paidSince: Date },
  transaction?: Transaction | null,
): Promise<InvoiceRecord[]> {
  if (policyIds.length === 0) return [];
  const paid = filter.status === 'paid';
  const rows = await sequelize.query<Row>(
    `select policy_id, invoice_number, period_start, period_end, due_date, amount_huf, status, paid_at
       from invoices
      where policy_id = any($1::int[]) and status = $2 ${paid ? 'and paid_at >= $3' : ''}
      order by policy_id, due_date, invoice_number`,
    { bind: paid ? [policyIds, 'paid', filter.paidSince] : [policyIds, 'open'], type: QueryTypes.SELECT, transaction: tx(transaction) },
  );
  return rows.map((row) => ({
    policyId: Number(row.policy_id),
    invoiceNumber: String(row.invoice_number),
    periodStart: isoDateOf(row.period_start),
    periodEnd: isoDateOf(row.period_end),
    dueDate: isoDateOf(row.due_date),
    amountHuf: Number(row.amount_huf),
    status: row.status as InvoiceRecord['status'],
    paidAt: row.paid_at == null ? null : isoTimestampOf(row.paid_at),
  }));
}

export async function claimsOf(sequelize: Sequelize, policyIds: readonly number[], transaction?: Transaction | null): Promise<ClaimRecord[]> {
  if (policyIds.length === 0) return [];
  const rows = await sequelize.query<Row>(
    `select policy_id, claim_number, claim_type, occurred_at, status from claims where policy_id = any($1::int[])
      order by policy_id, occurred_at, claim_number`,
    { bind: [policyIds], type: QueryTypes.SELECT, transaction: tx(transaction) },
  );
  return rows.map((row) => ({
    policyId: Number(row.policy_id),
    claimNumber: String(row.claim_number),
    claimType: row.claim_type as ClaimType,
    occurredAt: isoTimestampOf(row.occurred_at),
    status: row.status as ClaimRecord['status'],
  }));
}

/** Which of these policies already got a document of `type` (issued, not seeded) since `since`. */
export async function policiesIssuedSince(
  sequelize: Sequelize,
  type: string,
  policyIds: readonly number[],
  since: Date,
  transaction?: Transaction | null,
): Promise<Set<number>> {
  if (policyIds.length === 0) return new Set();
  const rows = await sequelize.query<{ policy_id: number }>(
    `select distinct policy_id from documents
      where type = $1 and policy_id = any($2::int[]) and issued_at >= $3 and source in ('system', 'operations')`,
    { bind: [type, policyIds, since], type: QueryTypes.SELECT, transaction: tx(transaction) },
  );
  return new Set(rows.map((row) => Number(row.policy_id)));
}
