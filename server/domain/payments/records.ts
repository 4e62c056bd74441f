import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { isoDateOf, isoTimestampOf } from '../../kernel/calendar.ts';
import { recordPaymentAudit } from './audit.ts';
import type { PaymentStatus } from './state-machine.ts';

/** The payments' rows as the services use them (raw SQL, `{ transaction }` on every query). */
export interface PaymentRecord {
  id: string;
  customerId: number;
  provider: string;
  providerReference: string | null;
  idempotencyKey: string;
  amountHuf: number;
  status: PaymentStatus;
  clientId: string | null;
  redirectUrl: string | null;
  /** Where the checkout sends the browser back (null on payments started before these were kept). */
  returnUrl: string | null;
  cancelUrl: string | null;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
  refundDueHuf: number;
  receiptDocumentId: string | null;
}

/** One invoice of a payment, with the invoice's current state. */
export interface PaymentLine {
  invoiceId: number;
  invoiceNumber: string;
  policyId: number;
  policyNumber: string;
  /** The part of the payment for this invoice. */
  amountHuf: number;
  invoiceStatus: 'open' | 'paid' | 'cancelled';
  dueDate: string;
}

type Row = Record<string, unknown>;

const PAYMENT_COLUMNS = `id, customer_id, provider, provider_reference, idempotency_key, amount_huf, status, client_id, redirect_url,
  return_url, cancel_url, created_at, completed_at, expires_at, refund_due_huf, receipt_document_id`;

export function paymentOf(row: Row): PaymentRecord {
  return {
    id: String(row.id),
    customerId: Number(row.customer_id),
    provider: String(row.provider),
    providerReference: row.provider_reference == null ? null : String(row.provider_reference),
    idempotencyKey: String(row.idempotency_key),
    amountHuf: Number(row.amount_huf),
    status: row.status as PaymentStatus,
    clientId: row.client_id == null ? null : String(row.client_id),
    redirectUrl: row.redirect_url == null ? null : String(row.redirect_url),
    returnUrl: row.return_url == null ? null : String(row.return_url),
    cancelUrl: row.cancel_url == null ? null : String(row.cancel_url),
    createdAt: isoTimestampOf(row.created_at),
    completedAt: row.completed_at == null ? null : isoTimestampOf(row.completed_at),
    expiresAt: row.expires_at == null ? null : isoTimestampOf(row.expires_at),
    refundDueHuf: Number(row.refund_due_huf ?? 0),
    receiptDocumentId: row.receipt_document_id == null ? null : String(row.receipt_document_id),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export async function findPayment(
  sequelize: Sequelize,
  key: { id: string; customerId: number } | { customerId: number; idempotencyKey: string } | { provider: string; providerReference: string },
  transaction: Transaction | null,
  options: { lock?: boolean } = {},
): Promise<PaymentRecord | null> {
  const [where, bind] =
    'id' in key
      ? ['id = $1 and customer_id = $2', [key.id, key.customerId]]
      : 'idempotencyKey' in key
        ? ['customer_id = $1 and idempotency_key = $2', [key.customerId, key.idempotencyKey]]
        : ['provider = $1 and provider_reference = $2', [key.provider, key.providerReference]];
  const rows = await sequelize.query<Row>(`select ${PAYMENT_COLUMNS} from payments where ${where}${options.lock ? ' for update' : ''}`, {
    bind,
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows[0] ? paymentOf(rows[0]) : null;
}

/** The invoices of some payments (one query), optionally locking the invoice rows. */
export async function paymentLines(
  sequelize: Sequelize,
  paymentIds: readonly string[],
  transaction: Transaction | null,
  options: { lock?: boolean } = {},
): Promise<Map<string, PaymentLine[]>> {
  const out = new Map<string, PaymentLine[]>(paymentIds.map((id) => [id, []]));
  if (paymentIds.length === 0) return out;
  const rows = await sequelize.query<Row>(
    `select pi.payment_id, pi.invoice_id, pi.amount_huf, i.invoice_number, i.status, i.due_date, i.policy_id, p.policy_number
       from payment_invoices pi
       join invoices i on i.id = pi.invoice_id
       join policies p on p.id = i.policy_id
      where pi.payment_id = any($1::uuid[])
      order by i.due_date, i.id
      ${options.lock ? 'for update of i' : ''}`,
    { bind: [paymentIds], type: QueryTypes.SELECT, transaction },
  );
  for (const row of rows) {
    out.get(String(row.payment_id))?.push({
      invoiceId: Number(row.invoice_id),
      invoiceNumber: String(row.invoice_number),
      policyId: Number(row.policy_id),
      policyNumber: String(row.policy_number),
      amountHuf: Number(row.amount_huf),
      invoiceStatus: row.status as PaymentLine['invoiceStatus'],
      dueDate: isoDateOf(row.due_date),
    });
  }
  return out;
}

/**
 * Gives up pending payments whose time is over (the customer left the payment page): they
 * become `cancelled` and stop blocking their invoices. A provider's success that still arrives
 * later is applied all the same (see ./state-machine.ts). Returns the ids expired.
 */
export async function expirePayments(
  sequelize: Sequelize,
  transaction: Transaction,
  where: { paymentIds?: readonly string[]; invoiceIds?: readonly number[] },
  now: Date,
): Promise<string[]> {
  const rows = await sequelize.query<Row>(
    `update payments set status = 'cancelled', completed_at = $1
      where status = 'pending' and expires_at <= $1
        and (id = any($2::uuid[]) or id in (select payment_id from payment_invoices where invoice_id = any($3::int[])))
      returning id, customer_id, client_id, amount_huf`,
    { bind: [now, where.paymentIds ?? [], where.invoiceIds ?? []], type: QueryTypes.SELECT, transaction },
  );
  await recordPaymentAudit(
    sequelize,
    transaction,
    rows.map((row) => ({
      action: 'payment.expired' as const,
      actorType: 'system' as const,
      actorId: 'payments',
      customerId: Number(row.customer_id),
      paymentId: String(row.id),
      clientId: row.client_id == null ? null : String(row.client_id),
      metadata: { amountHuf: Number(row.amount_huf) },
    })),
  );
  return rows.map((row) => String(row.id));
}
