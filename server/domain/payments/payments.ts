import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { insertRows } from '../../db/insert-rows.ts';
import { DomainError, type FieldProblem } from '../../kernel/domain-error.ts';
import { recordPaymentAudit } from './audit.ts';
import { MAX_INVOICES_PER_PAYMENT, PAYMENT_LOCK, PENDING_PAYMENT_MINUTES, clock, todayOf, type InvoiceReadContext, type PaymentContext } from './context.ts';
import { normaliseScope, type InvoiceScope, type InvoiceStatus } from './invoices.ts';
import { expirePayments, findPayment, isUuid, paymentLines, type PaymentRecord } from './records.ts';
import type { PaymentStatus } from './state-machine.ts';
import type { Language } from '../../../common/language.ts';

/**
 * Starting a payment of one or several open invoices, and reading it back.
 *
 * - Idempotent on (customer, idempotency key): the same key with the same invoices and return
 *   URLs returns the same payment (and the same hosted-page URL while it is pending); the same
 *   key with other invoices or other URLs is refused (`idempotency_key_reused`, 409).
 * - The return URLs are checked before anything else, a replay included, and kept with the
 *   payment: a replay can never bring its own URLs to the provider.
 * - One checkout per payment: a replay that finds the payment still without its page waits for
 *   the start that is opening it; only a start that died is taken over. The provider reference
 *   is written once (conditionally), never over another; a checkout that lost that race is
 *   kept in `payment_superseded_checkouts`, so money taken on it is still recorded (./webhook.ts).
 * - Another customer's invoice, or one outside a broker partner's policy scope, is
 *   `invoice_not_found`, exactly like a missing one; nothing is written.
 * - An invoice already in a pending payment is refused (`invoice_payment_pending`) rather than
 *   superseded: two live checkouts for one invoice could both be paid. A pending payment blocks
 *   for `PENDING_PAYMENT_MINUTES` (its checkout expires then too); after that it is given up
 *   (cancelled) and the invoice can be paid again.
 * - The customer's browser may only be sent back to the portal's own origin or to an origin
 *   registered for the partner client (no open redirect through the payment page).
 * - The provider is called after the transaction commits (a network call must not hold a
 *   transaction, nor PGlite's only connection); if it fails, the payment becomes `failed`.
 */
export interface StartPaymentArgs extends InvoiceScope {
  customerId: number;
  invoiceIds: readonly number[];
  idempotencyKey: string;
  /** The partner client the customer came through (null: a direct call). */
  clientId: string | null;
  returnUrl: string;
  cancelUrl: string;
  /** The payment page's language. */
  language?: Language;
}

export interface StartPaymentResult {
  paymentId: string;
  status: PaymentStatus;
  amountHuf: number;
  /** The hosted payment page, while the payment can still be paid there. */
  redirectUrl: string | null;
  /** True when an earlier call with the same idempotency key made this payment. */
  replayed: boolean;
}

export interface PaymentView {
  id: string;
  status: PaymentStatus;
  amountHuf: number;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
  redirectUrl: string | null;
  providerReference: string | null;
  /** The receipt in the mailbox, once paid. */
  receiptDocumentId: string | null;
  /** Part of the amount to refund: invoices that another payment had already settled. */
  refundDueHuf: number;
  invoices: { id: number; invoiceNumber: string; policyNumber: string; amountHuf: number; status: InvoiceStatus }[];
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

function invalid(code: string, field: string, message: string): DomainError {
  return DomainError.invalid(code, message, [{ field, code, message }]);
}

function httpUrl(value: unknown, field: string): URL {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw invalid('invalid_return_url', field, `${field} must be an absolute http(s) URL`);
  }
  return url;
}

/** Checks the arguments that need no database (pure). */
export function validateStart(args: StartPaymentArgs): { invoiceIds: number[]; returnUrl: URL; cancelUrl: URL } {
  if (!Number.isSafeInteger(args.customerId) || args.customerId <= 0) throw DomainError.invalid('invalid_customer', 'customerId must be a positive integer');
  if (typeof args.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(args.idempotencyKey)) {
    throw invalid('invalid_idempotency_key', 'idempotencyKey', 'The idempotency key must be 8 to 255 visible ASCII characters');
  }
  const ids = args.invoiceIds;
  if (!Array.isArray(ids) || ids.length === 0) throw invalid('no_invoices', 'invoiceIds', 'Name at least one invoice');
  if (ids.length > MAX_INVOICES_PER_PAYMENT)
    throw invalid('too_many_invoices', 'invoiceIds', `At most ${MAX_INVOICES_PER_PAYMENT} invoices can be paid at once`);
  const problems: FieldProblem[] = [];
  ids.forEach((id, i) => {
    if (!Number.isSafeInteger(id) || id <= 0) problems.push({ field: `invoiceIds[${i}]`, code: 'invalid_invoice_id', message: 'Not an invoice id' });
  });
  if (problems.length) throw DomainError.invalid('invalid_invoice_id', 'Not an invoice id', problems);
  if (new Set(ids).size !== ids.length) throw invalid('duplicate_invoice', 'invoiceIds', 'An invoice is listed twice');
  return { invoiceIds: [...ids], returnUrl: httpUrl(args.returnUrl, 'returnUrl'), cancelUrl: httpUrl(args.cancelUrl, 'cancelUrl') };
}

async function allowedReturnOrigins(sequelize: Sequelize, publicUrl: URL, clientId: string | null, transaction: Transaction): Promise<Set<string>> {
  const origins = new Set([publicUrl.origin]);
  if (clientId === null) return origins;
  const [client] = await sequelize.query<{ origins: string[]; active: boolean }>('select origins, active from partner_clients where client_id = $1', {
    bind: [clientId],
    type: QueryTypes.SELECT,
    transaction,
  });
  if (!client?.active) throw DomainError.invalid('unknown_client', 'Unknown or inactive partner client');
  for (const origin of client.origins) origins.add(origin);
  return origins;
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort((x, y) => x - y).join() === [...b].sort((x, y) => x - y).join();

function description(numbers: readonly string[], language: Language): string {
  const shown = numbers.slice(0, 6).join(', ');
  const more = numbers.length > 6 ? (language === 'en' ? ` and ${numbers.length - 6} more` : ` és további ${numbers.length - 6}`) : '';
  return `${language === 'en' ? 'Insurance premium' : 'Biztosítási díj'}: ${shown}${more}`;
}

interface LockedInvoice {
  id: number;
  invoiceNumber: string;
  amountHuf: number;
  status: 'open' | 'paid' | 'cancelled';
  pendingPaymentId: string | null;
}

type Prepared =
  | { kind: 'existing'; payment: PaymentRecord }
  | { kind: 'new'; paymentId: string; amountHuf: number; description: string; expiresAt: Date; clientId: string | null };

export async function startPayment(ctx: PaymentContext, args: StartPaymentArgs): Promise<StartPaymentResult> {
  const input = validateStart(args);
  const scope = normaliseScope(args);
  const language = args.language === 'en' ? 'en' : 'hu';
  const { sequelize, provider } = ctx;
  const now = clock(ctx);

  const prepared = await sequelize.transaction(async (transaction): Promise<Prepared> => {
    // One start at a time per customer: the idempotency check, the pending check and the insert
    // must not interleave with another start (same key, or overlapping invoices).
    await sequelize.query('select pg_advisory_xact_lock($1::int, $2::int)', { bind: [PAYMENT_LOCK, args.customerId], type: QueryTypes.SELECT, transaction });

    // Before the idempotency branch: a replay is no way around the origin check.
    const origins = await allowedReturnOrigins(sequelize, ctx.publicUrl, args.clientId, transaction);
    for (const [field, url] of [
      ['returnUrl', input.returnUrl],
      ['cancelUrl', input.cancelUrl],
    ] as const) {
      if (!origins.has(url.origin)) throw invalid('return_url_not_allowed', field, `${field} must be on the portal's or the partner's registered origin`);
    }

    const existing = await findPayment(sequelize, { customerId: args.customerId, idempotencyKey: args.idempotencyKey }, transaction);
    if (existing) {
      const lines = (await paymentLines(sequelize, [existing.id], transaction)).get(existing.id) ?? [];
      const sameUrls =
        (existing.returnUrl === null || existing.returnUrl === input.returnUrl.href) &&
        (existing.cancelUrl === null || existing.cancelUrl === input.cancelUrl.href);
      if (
        !sameUrls ||
        !sameSet(
          lines.map((l) => l.invoiceId),
          input.invoiceIds,
        )
      ) {
        throw DomainError.conflict('idempotency_key_reused', 'This idempotency key was used for another payment request');
      }
      if (existing.status === 'pending' && existing.expiresAt && Date.parse(existing.expiresAt) <= now.getTime()) {
        await expirePayments(sequelize, transaction, { paymentIds: [existing.id] }, now);
        return { kind: 'existing', payment: { ...existing, status: 'cancelled', completedAt: now.toISOString() } };
      }
      return { kind: 'existing', payment: existing };
    }

    const rows = await sequelize.query<Record<string, unknown>>(
      `select i.id, i.invoice_number, i.amount_huf, i.status,
              (select pay.id from payment_invoices pi join payments pay on pay.id = pi.payment_id
                where pi.invoice_id = i.id and pay.status = 'pending' and pay.expires_at > $4 limit 1) as pending_payment_id
         from invoices i
        where i.id = any($1::int[]) and i.customer_id = $2 and ($3::int[] is null or i.policy_id = any($3::int[]))
        order by i.due_date, i.id
        for update of i`,
      { bind: [input.invoiceIds, args.customerId, scope, now], type: QueryTypes.SELECT, transaction },
    );
    const invoices: LockedInvoice[] = rows.map((r) => ({
      id: Number(r.id),
      invoiceNumber: String(r.invoice_number),
      amountHuf: Number(r.amount_huf),
      status: r.status as LockedInvoice['status'],
      pendingPaymentId: r.pending_payment_id == null ? null : String(r.pending_payment_id),
    }));
    if (invoices.length !== input.invoiceIds.length) throw DomainError.notFound('invoice_not_found', 'No such invoice');
    if (invoices.some((i) => i.status === 'paid')) throw DomainError.conflict('invoice_already_paid', 'An invoice is already paid');
    if (invoices.some((i) => i.status !== 'open')) throw DomainError.conflict('invoice_not_payable', 'An invoice is voided and cannot be paid');
    if (invoices.some((i) => i.pendingPaymentId !== null)) {
      throw DomainError.conflict('invoice_payment_pending', 'An invoice is already in a payment that is waiting for the provider');
    }
    await expirePayments(sequelize, transaction, { invoiceIds: input.invoiceIds }, now);

    const paymentId = randomUUID();
    const amountHuf = invoices.reduce((sum, i) => sum + i.amountHuf, 0);
    const expiresAt = new Date(now.getTime() + PENDING_PAYMENT_MINUTES * 60_000);
    await insertRows(
      sequelize,
      transaction,
      'payments',
      ['id', 'customer_id', 'provider', 'idempotency_key', 'amount_huf', 'status', 'client_id', 'created_at', 'expires_at', 'return_url', 'cancel_url'],
      [
        [
          paymentId,
          args.customerId,
          provider.name,
          args.idempotencyKey,
          amountHuf,
          'pending',
          args.clientId,
          now,
          expiresAt,
          input.returnUrl.href,
          input.cancelUrl.href,
        ],
      ],
    );
    await insertRows(
      sequelize,
      transaction,
      'payment_invoices',
      ['payment_id', 'invoice_id', 'amount_huf'],
      invoices.map((i) => [paymentId, i.id, i.amountHuf]),
    );
    await recordPaymentAudit(sequelize, transaction, [
      {
        action: 'payment.started',
        actorType: 'customer',
        customerId: args.customerId,
        paymentId,
        clientId: args.clientId,
        metadata: { provider: provider.name, amountHuf, invoiceIds: invoices.map((i) => i.id) },
      },
    ]);
    return {
      kind: 'new',
      paymentId,
      amountHuf,
      description: description(
        invoices.map((i) => i.invoiceNumber),
        language,
      ),
      expiresAt,
      clientId: args.clientId,
    };
  });

  if (prepared.kind === 'existing') {
    // The start that made the payment may still be asking the provider for its page: wait for it.
    const p = prepared.payment.status === 'pending' && prepared.payment.redirectUrl === null ? await checkoutOf(ctx, prepared.payment) : prepared.payment;
    if (!(p.status === 'pending' && p.redirectUrl === null)) {
      return { paymentId: p.id, status: p.status, amountHuf: p.amountHuf, redirectUrl: p.status === 'pending' ? p.redirectUrl : null, replayed: true };
    }
    // That start died between its commit and the provider call: open the page now.
    const lines = (await paymentLines(sequelize, [p.id], null)).get(p.id) ?? [];
    const expiresAt = new Date(p.expiresAt ?? now.getTime() + PENDING_PAYMENT_MINUTES * 60_000);
    const result = await openCheckout(
      ctx,
      { paymentId: p.id, customerId: p.customerId, clientId: p.clientId, amountHuf: p.amountHuf, expiresAt },
      description(
        lines.map((l) => l.invoiceNumber),
        language,
      ),
      input,
      language,
    );
    return { ...result, replayed: true };
  }
  const result = await openCheckout(
    ctx,
    { paymentId: prepared.paymentId, customerId: args.customerId, clientId: prepared.clientId, amountHuf: prepared.amountHuf, expiresAt: prepared.expiresAt },
    prepared.description,
    input,
    language,
  );
  return { ...result, replayed: false };
}

async function openCheckout(
  ctx: PaymentContext,
  payment: { paymentId: string; customerId: number; clientId: string | null; amountHuf: number; expiresAt: Date },
  text: string,
  input: { returnUrl: URL; cancelUrl: URL },
  language: Language,
): Promise<Omit<StartPaymentResult, 'replayed'>> {
  const { sequelize, provider } = ctx;
  let checkout;
  try {
    checkout = await provider.createCheckout({
      paymentId: payment.paymentId,
      amountHuf: payment.amountHuf,
      description: text,
      returnUrl: input.returnUrl.href,
      cancelUrl: input.cancelUrl.href,
      expiresAt: payment.expiresAt,
      language,
    });
  } catch (error) {
    await sequelize.transaction(async (transaction) => {
      await sequelize.query(`update payments set status = 'failed', completed_at = $2 where id = $1 and status = 'pending' and provider_reference is null`, {
        bind: [payment.paymentId, clock(ctx)],
        transaction,
      });
      await recordPaymentAudit(sequelize, transaction, [
        {
          action: 'payment.provider_failed',
          actorType: 'system',
          actorId: 'payments',
          customerId: payment.customerId,
          paymentId: payment.paymentId,
          clientId: payment.clientId,
          metadata: { provider: provider.name, error: error instanceof Error ? error.name : 'unknown' },
        },
      ]);
    });
    throw new DomainError('payment_provider_unavailable', 'unavailable', 'The payment provider did not open a checkout');
  }
  // Written once: a concurrent start that got there first keeps its checkout, this one is superseded.
  const [stored] = await sequelize.query<{ id: string }>(
    'update payments set provider_reference = $2, redirect_url = $3 where id = $1 and provider_reference is null returning id',
    { bind: [payment.paymentId, checkout.providerReference, checkout.redirectUrl], type: QueryTypes.SELECT },
  );
  if (stored) return { paymentId: payment.paymentId, status: 'pending', amountHuf: payment.amountHuf, redirectUrl: checkout.redirectUrl };
  await sequelize.query('insert into payment_superseded_checkouts (provider, provider_reference, payment_id) values ($1, $2, $3) on conflict do nothing', {
    bind: [provider.name, checkout.providerReference, payment.paymentId],
  });
  const winner = await findPayment(sequelize, { id: payment.paymentId, customerId: payment.customerId }, null);
  return {
    paymentId: payment.paymentId,
    status: winner?.status ?? 'pending',
    amountHuf: payment.amountHuf,
    redirectUrl: winner?.status === 'pending' ? winner.redirectUrl : null,
  };
}

/** How long a replay waits for a concurrent start's provider call before it takes over. */
const CHECKOUT_WAIT_MS = 10_000;
const CHECKOUT_POLL_MS = 100;

/**
 * The payment once its checkout is stored (or it is no longer pending); after
 * `CHECKOUT_WAIT_MS` without either, the start that made it is taken for dead.
 */
async function checkoutOf(ctx: PaymentContext, payment: PaymentRecord): Promise<PaymentRecord> {
  const deadline = Date.now() + CHECKOUT_WAIT_MS;
  let current = payment;
  while (current.status === 'pending' && current.redirectUrl === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, CHECKOUT_POLL_MS));
    current = (await findPayment(ctx.sequelize, { id: payment.id, customerId: payment.customerId }, null)) ?? current;
  }
  return current;
}

/**
 * One payment of the customer, for status polling after the browser comes back. Another
 * customer's payment, or one with an invoice outside the partner's scope, is `payment_not_found`.
 */
export async function getPayment(ctx: InvoiceReadContext, customerId: number, paymentId: string, scope: InvoiceScope = {}): Promise<PaymentView> {
  const allowed = normaliseScope(scope);
  if (!isUuid(paymentId)) throw DomainError.notFound('payment_not_found', 'No such payment');
  const payment = await findPayment(ctx.sequelize, { id: paymentId, customerId }, null);
  if (!payment) throw DomainError.notFound('payment_not_found', 'No such payment');
  const lines = (await paymentLines(ctx.sequelize, [payment.id], null)).get(payment.id) ?? [];
  if (allowed && lines.some((l) => !allowed.includes(l.policyId))) throw DomainError.notFound('payment_not_found', 'No such payment');
  const now = clock(ctx);
  const today = todayOf(now);
  const live = payment.status === 'pending' && payment.expiresAt !== null && Date.parse(payment.expiresAt) > now.getTime();
  return {
    id: payment.id,
    status: payment.status,
    amountHuf: payment.amountHuf,
    createdAt: payment.createdAt,
    completedAt: payment.completedAt,
    expiresAt: payment.expiresAt,
    redirectUrl: live ? payment.redirectUrl : null,
    providerReference: payment.providerReference,
    receiptDocumentId: payment.receiptDocumentId,
    refundDueHuf: payment.refundDueHuf,
    invoices: lines.map((l) => ({
      id: l.invoiceId,
      invoiceNumber: l.invoiceNumber,
      policyNumber: l.policyNumber,
      amountHuf: l.amountHuf,
      status: l.invoiceStatus === 'open' && l.dueDate < today ? 'overdue' : l.invoiceStatus,
    })),
  };
}
