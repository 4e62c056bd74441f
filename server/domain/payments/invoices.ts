import { selectPrepared, statementFor } from '../../db/prepared-statement.ts';
import { isoDateOf, isoTimestampOf } from '../../kernel/calendar.ts';
import { DomainError, type FieldProblem } from '../../kernel/domain-error.ts';
import type { ProductCode } from '../../kernel/products.ts';
import { clock, todayOf, type InvoiceReadContext } from './context.ts';

/**
 * A customer's invoices (díjbekérők) and outstanding premium (kiterhelt díj).
 *
 * "Overdue" is derived, never stored: an open invoice whose due date is before today (Budapest).
 * The status filter: `open` = every unpaid invoice (overdue ones included: all can be paid),
 * `overdue` = only the overdue ones, `paid`, and `all` (voided ones too, shown as `cancelled`).
 * A broker-scoped partner passes the policy ids it may see; the others' invoices do not exist
 * for it. Every call is a fixed number of queries, whatever the page size.
 */
export type InvoiceStatusFilter = 'open' | 'overdue' | 'paid' | 'all';
export const INVOICE_STATUS_FILTERS: readonly InvoiceStatusFilter[] = ['open', 'overdue', 'paid', 'all'];
export type InvoiceStatus = 'open' | 'overdue' | 'paid' | 'cancelled';

export interface InvoiceScope {
  /** Only these policies' invoices (a broker partner's scope); null or absent: all of the customer's. */
  allowedPolicyIds?: readonly number[] | null;
}

export interface InvoiceListQuery extends InvoiceScope {
  status?: InvoiceStatusFilter;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface InvoiceView {
  id: number;
  invoiceNumber: string;
  policyId: number;
  policyNumber: string;
  product: ProductCode;
  periodStart: string;
  periodEnd: string;
  amountHuf: number;
  dueDate: string;
  status: InvoiceStatus;
  overdue: boolean;
  /** Days past the due date; 0 unless overdue. */
  daysOverdue: number;
  paidAt: string | null;
  /** In a payment that is still waiting for the provider: paying it again is refused meanwhile. */
  paymentPending: boolean;
  /** That payment, which the customer may resume or cancel. */
  pendingPaymentId: string | null;
  /** The receipt (a mailbox document) of the payment that settled a paid invoice. */
  receiptDocumentId: string | null;
}

export interface InvoicePage {
  items: InvoiceView[];
  page: number;
  pageSize: number;
  /** Matching invoices on all pages. */
  total: number;
}

export interface OutstandingTotal {
  /** Open invoices, overdue ones included (kiterhelt díj), in forints. */
  totalHuf: number;
  count: number;
  overdueHuf: number;
  overdueCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

type Row = Record<string, unknown>;

/** Positional bind parameters built as the SQL is. */
class Binds {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function normaliseScope(scope: InvoiceScope | undefined): number[] | null {
  const ids = scope?.allowedPolicyIds;
  if (ids === null || ids === undefined) return null;
  if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw DomainError.invalid('invalid_scope', 'allowedPolicyIds must be positive integers');
  }
  return [...ids];
}

function paging(query: InvoiceListQuery): { page: number; pageSize: number } {
  const problems: FieldProblem[] = [];
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(page) || page < 1) problems.push({ field: 'page', code: 'invalid_page', message: 'page must be a whole number from 1' });
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    problems.push({ field: 'pageSize', code: 'invalid_page_size', message: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` });
  }
  if (problems.length) throw DomainError.invalid('invalid_paging', 'Invalid paging', problems);
  return { page, pageSize };
}

function where(binds: Binds, customerId: number, status: InvoiceStatusFilter, today: string, scope: number[] | null): string {
  const parts = [`i.customer_id = ${binds.add(customerId)}`];
  if (status === 'open') parts.push(`i.status = 'open'`);
  if (status === 'overdue') parts.push(`i.status = 'open'`, `i.due_date < ${binds.add(today)}::date`);
  if (status === 'paid') parts.push(`i.status = 'paid'`);
  if (scope) parts.push(`i.policy_id = any(${binds.add(scope)}::int[])`);
  return parts.join(' and ');
}

const ORDER: Record<InvoiceStatusFilter, string> = {
  open: 'i.due_date asc, i.id asc',
  overdue: 'i.due_date asc, i.id asc',
  paid: 'i.paid_at desc, i.id desc',
  all: 'i.due_date desc, i.id desc',
};

export function invoiceViewOf(row: Row): InvoiceView {
  const overdue = row.overdue === true;
  return {
    id: Number(row.id),
    invoiceNumber: String(row.invoice_number),
    policyId: Number(row.policy_id),
    policyNumber: String(row.policy_number),
    product: row.product as ProductCode,
    periodStart: isoDateOf(row.period_start),
    periodEnd: isoDateOf(row.period_end),
    amountHuf: Number(row.amount_huf),
    dueDate: isoDateOf(row.due_date),
    status: overdue ? 'overdue' : (row.status as InvoiceStatus),
    overdue,
    daysOverdue: Number(row.days_overdue ?? 0),
    paidAt: row.paid_at == null ? null : isoTimestampOf(row.paid_at),
    paymentPending: row.pending_payment_id != null,
    pendingPaymentId: row.pending_payment_id == null ? null : String(row.pending_payment_id),
    receiptDocumentId: row.receipt_document_id == null ? null : String(row.receipt_document_id),
  };
}

/** The columns of `InvoiceView`, for a query over `invoices i join policies p`; `$today` and `$now` are bind placeholders. */
/**
 * The view's columns; `allowed` (a bind of the partner's policy ids) hides a receipt that also
 * covers invoices outside them: the mailbox would not open it for that partner either.
 */
export function invoiceViewColumns(today: string, now: string, allowed?: string): string {
  const receiptInScope = allowed
    ? `and not exists (select 1 from payment_invoices rpi join invoices ri on ri.id = rpi.invoice_id
                        where rpi.payment_id = pay.id and not (ri.policy_id = any(${allowed}::int[])))`
    : '';
  return `i.id, i.invoice_number, i.policy_id, p.policy_number, p.product, i.period_start, i.period_end, i.amount_huf, i.due_date,
    i.status, i.paid_at,
    (i.status = 'open' and i.due_date < ${today}::date) as overdue,
    case when i.status = 'open' and i.due_date < ${today}::date then ${today}::date - i.due_date else 0 end as days_overdue,
    (select pay.id from payment_invoices pi join payments pay on pay.id = pi.payment_id
      where pi.invoice_id = i.id and pay.status = 'pending' and pay.expires_at > ${now} order by pay.created_at desc limit 1) as pending_payment_id,
    (select pay.receipt_document_id from payment_invoices pi join payments pay on pay.id = pi.payment_id
      where pi.invoice_id = i.id and pay.status = 'succeeded' and pay.receipt_document_id is not null ${receiptInScope}
      order by pay.completed_at limit 1) as receipt_document_id`;
}

/** One page of a customer's invoices: two queries (the page and the count). */
export async function listInvoices(ctx: InvoiceReadContext, customerId: number, query: InvoiceListQuery = {}): Promise<InvoicePage> {
  const status = query.status ?? 'open';
  if (!INVOICE_STATUS_FILTERS.includes(status)) {
    throw DomainError.invalid('invalid_status_filter', `status must be one of ${INVOICE_STATUS_FILTERS.join(', ')}`, [
      { field: 'status', code: 'invalid_status_filter', message: 'Unknown status filter' },
    ]);
  }
  const { page, pageSize } = paging(query);
  const scope = normaliseScope(query);
  const now = clock(ctx);
  const today = todayOf(now);

  const countBinds = new Binds();
  const countSql = `select count(*) as n from invoices i where ${where(countBinds, customerId, status, today, scope)}`;
  const counted = await selectPrepared<{ n: string }>(ctx.sequelize, statementFor('invoice_count', countSql), countBinds.values);
  const total = Number(counted[0]?.n ?? 0);
  if (total === 0 || (page - 1) * pageSize >= total) return { items: [], page, pageSize, total };

  const binds = new Binds();
  const columns = invoiceViewColumns(binds.add(today), binds.add(now), scope ? binds.add(scope) : undefined);
  const sql = `select ${columns}
      from invoices i join policies p on p.id = i.policy_id
     where ${where(binds, customerId, status, today, scope)}
     order by ${ORDER[status]}
     limit ${binds.add(pageSize)} offset ${binds.add((page - 1) * pageSize)}`;
  const rows = await selectPrepared<Row>(ctx.sequelize, statementFor('invoice_page', sql), binds.values);
  return { items: rows.map(invoiceViewOf), page, pageSize, total };
}

/** The outstanding premium (kiterhelt díj): open invoices, overdue ones included. One query. */
export async function outstandingTotal(ctx: InvoiceReadContext, customerId: number, scope: InvoiceScope = {}): Promise<OutstandingTotal> {
  const allowed = normaliseScope(scope);
  const binds = new Binds();
  const customer = binds.add(customerId);
  const today = binds.add(todayOf(clock(ctx)));
  const scoped = allowed ? `and policy_id = any(${binds.add(allowed)}::int[])` : '';
  const sql = `select coalesce(sum(amount_huf), 0) as total, count(*) as n,
            coalesce(sum(amount_huf) filter (where due_date < ${today}::date), 0) as overdue_total,
            count(*) filter (where due_date < ${today}::date) as overdue_n
       from invoices where customer_id = ${customer} and status = 'open' ${scoped}`;
  const [row] = await selectPrepared<Row>(ctx.sequelize, statementFor('invoice_outstanding', sql), binds.values);
  return {
    totalHuf: Number(row?.total ?? 0),
    count: Number(row?.n ?? 0),
    overdueHuf: Number(row?.overdue_total ?? 0),
    overdueCount: Number(row?.overdue_n ?? 0),
  };
}
