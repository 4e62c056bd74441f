import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { deliverDocument } from '../../documents/delivery/deliver-document.ts';
import { findCustomer, type CustomerRecord } from '../../documents/delivery/records.ts';
import { issueDocument, type IssuedDocument } from '../../documents/issue.ts';
import { WebhookVerificationError, type PaymentEvent, type WebhookHeaders } from '../../payment-providers/provider.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { recordPaymentAudit, type PaymentAuditEvent } from './audit.ts';
import { clock, type PaymentContext } from './context.ts';
import { receiptInput, receiptNotification, type ReceiptFacts } from './receipt.ts';
import { nextReceiptNumber } from './receipt-number.ts';
import { findPayment, paymentLines, type PaymentLine, type PaymentRecord } from './records.ts';
import { decide, sameDecision, type PaymentStatus, type WebhookDecision } from './state-machine.ts';

/**
 * The provider's webhook: verified, applied at most once, in one transaction.
 *
 * 1. The signature is checked against the raw body; a forged, tampered, stale or unreadable
 *    webhook changes nothing (an audit event records the attempt) and is refused with
 *    `webhook_rejected`.
 * 2. The provider's event id is recorded (`payment_webhook_events`) in the same transaction as
 *    the event's effects: a replay of an event already applied is a no-op (`duplicate`).
 * 3. The payment's state machine (./state-machine.ts) decides; on success, in ONE transaction:
 *    the payment succeeds, its invoices that are still open are paid (one already paid by
 *    another payment is not paid again: its part is flagged for refund), the receipt
 *    (Befizetés igazolása) is delivered to the mailbox with its document notification, the
 *    "payment received" e-mail is queued, and audit events are written.
 *
 * 4. An event for a checkout that was superseded (a concurrent start opened the payment's
 *    checkout first; see ./payments.ts) changes no invoice: a success there is money taken
 *    that nothing settles, so it is added to the payment's `refund_due_huf` (what operations
 *    refund; with a `payment.superseded_checkout_paid` audit event) and the event is kept with
 *    outcome `refund_due`. A decline or cancel there is kept as `ignored`.
 *
 * The receipt PDF is rendered before that transaction from a snapshot of the payment; inside
 * it the rows are locked and compared with the snapshot, and on a difference (a concurrent
 * change) the whole attempt is repeated.
 */
export type WebhookResult =
  | { outcome: 'applied'; eventId: string; paymentId: string; status: PaymentStatus; receiptDocumentId: string | null; doublePaidInvoiceIds: number[] }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'ignored'; eventId: string; paymentId: string; status: PaymentStatus; reason: 'already_succeeded' | 'already_final' | 'superseded_checkout' }
  | { outcome: 'rejected'; eventId: string; paymentId: string; reason: 'amount_mismatch' }
  | { outcome: 'refund_due'; eventId: string; paymentId: string; refundDueHuf: number };

/** The snapshot changed between rendering and locking. */
class StaleSnapshot extends Error {}

const MAX_ATTEMPTS = 3;

export async function handleWebhook(ctx: PaymentContext, rawBody: string | Uint8Array, headers: WebhookHeaders): Promise<WebhookResult> {
  const { provider } = ctx;
  let event: PaymentEvent;
  try {
    event = await provider.verifyWebhook(rawBody, headers);
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    await auditRejectedUnmatched(ctx, { reason: error.reason });
    throw new DomainError('webhook_rejected', 'invalid', `Webhook refused: ${error.reason}`);
  }

  for (let attempt = 1; ; attempt++) {
    try {
      return await applyEvent(ctx, event);
    } catch (error) {
      if (!(error instanceof StaleSnapshot)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new DomainError('payment_busy', 'unavailable', 'The payment kept changing; try the webhook again');
    }
  }
}

const actorOf = (ctx: PaymentContext) => `payment-provider:${ctx.provider.name}`;

/** A refused webhook that names no payment we know (yet): audited on its own, outside any transaction. */
const auditRejectedUnmatched = (ctx: PaymentContext, metadata: Record<string, unknown>) =>
  recordPaymentAudit(ctx.sequelize, null, [
    {
      action: 'payment.webhook_rejected',
      actorType: 'system',
      actorId: actorOf(ctx),
      customerId: null,
      paymentId: null,
      metadata: { provider: ctx.provider.name, ...metadata },
    },
  ]);

async function eventSeen(sequelize: Sequelize, provider: string, eventId: string): Promise<boolean> {
  const rows = await sequelize.query('select 1 from payment_webhook_events where provider = $1 and event_id = $2', {
    bind: [provider, eventId],
    type: QueryTypes.SELECT,
  });
  return rows.length > 0;
}

interface SuccessPlan {
  settled: PaymentLine[];
  customer: CustomerRecord;
  receipt: { facts: ReceiptFacts; document: IssuedDocument } | null;
}

/** Reads what a success will change and renders its receipt, outside any transaction. */
async function planSuccess(ctx: PaymentContext, payment: PaymentRecord, event: PaymentEvent): Promise<SuccessPlan> {
  const lines = (await paymentLines(ctx.sequelize, [payment.id], null)).get(payment.id) ?? [];
  const settled = lines.filter((l) => l.invoiceStatus === 'open');
  const customer = await findCustomer(ctx.sequelize, { id: payment.customerId });
  if (!customer) throw new Error(`payment ${payment.id}: its customer is gone`);
  if (settled.length === 0) return { settled, customer, receipt: null };
  const facts: ReceiptFacts = {
    documentId: randomUUID(),
    issuedAt: clock(ctx).toISOString(),
    customer,
    receiptNumber: await nextReceiptNumber(ctx.sequelize, event.occurredAt),
    reference: payment.providerReference ?? payment.id,
    paidAt: event.occurredAt,
    amountHuf: payment.amountHuf,
    items: settled.map((l) => ({ invoiceNumber: l.invoiceNumber, policyNumber: l.policyNumber, amountHuf: l.amountHuf })),
  };
  return { settled, customer, receipt: { facts, document: await issueDocument(receiptInput(facts)) } };
}

async function applyEvent(ctx: PaymentContext, event: PaymentEvent): Promise<WebhookResult> {
  const { sequelize, provider } = ctx;
  // Cheap checks first, so a replay costs no rendering; both are repeated under locks below.
  if (await eventSeen(sequelize, provider.name, event.id)) return { outcome: 'duplicate', eventId: event.id };
  const snapshot = await findPayment(sequelize, { provider: provider.name, providerReference: event.providerReference }, null);
  if (!snapshot) {
    const superseded = await applySupersededEvent(ctx, event);
    if (superseded) return superseded;
    // Not recorded as seen: the provider's retry may find the payment once its reference is stored.
    await auditRejectedUnmatched(ctx, { reason: 'unknown_payment', eventId: event.id });
    throw DomainError.notFound('payment_not_found', 'The webhook names no known payment');
  }
  const planned = decide(snapshot, event);
  const plan = planned.action === 'succeed' ? await planSuccess(ctx, snapshot, event) : null;

  return sequelize.transaction(async (transaction) => {
    const inserted = await sequelize.query(
      `insert into payment_webhook_events (provider, event_id, event_type, provider_reference, payment_id, amount_huf, occurred_at, outcome)
       values ($1, $2, $3, $4, $5, $6, $7, 'received') on conflict (provider, event_id) do nothing returning event_id`,
      {
        bind: [provider.name, event.id, event.type, event.providerReference, snapshot.id, event.amountHuf, event.occurredAt],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (inserted.length === 0) return { outcome: 'duplicate' as const, eventId: event.id };

    const payment = await findPayment(sequelize, { id: snapshot.id, customerId: snapshot.customerId }, transaction, { lock: true });
    if (!payment) throw new StaleSnapshot();
    const decision = decide(payment, event);
    if (!sameDecision(decision, planned)) throw new StaleSnapshot();

    const result = await apply(ctx, transaction, payment, event, decision, plan);
    const outcome = result.outcome === 'rejected' ? 'amount_mismatch' : result.outcome;
    await sequelize.query('update payment_webhook_events set outcome = $3 where provider = $1 and event_id = $2', {
      bind: [provider.name, event.id, outcome],
      transaction,
    });
    return result;
  });
}

async function apply(
  ctx: PaymentContext,
  transaction: Transaction,
  payment: PaymentRecord,
  event: PaymentEvent,
  decision: WebhookDecision,
  plan: SuccessPlan | null,
): Promise<WebhookResult> {
  const { sequelize } = ctx;
  const base = { actorType: 'system' as const, actorId: actorOf(ctx), customerId: payment.customerId, paymentId: payment.id, clientId: payment.clientId };
  const now = clock(ctx);

  switch (decision.action) {
    case 'reject':
      await recordPaymentAudit(sequelize, transaction, [
        {
          ...base,
          action: 'payment.webhook_rejected',
          metadata: { reason: decision.reason, eventId: event.id, eventType: event.type, eventAmountHuf: event.amountHuf, amountHuf: payment.amountHuf },
        },
      ]);
      return { outcome: 'rejected', eventId: event.id, paymentId: payment.id, reason: decision.reason };

    case 'ignore':
      await recordPaymentAudit(sequelize, transaction, [
        { ...base, action: 'payment.webhook_ignored', metadata: { reason: decision.reason, eventId: event.id, eventType: event.type, status: payment.status } },
      ]);
      return { outcome: 'ignored', eventId: event.id, paymentId: payment.id, status: payment.status, reason: decision.reason };

    case 'fail':
      await sequelize.query(`update payments set status = $2, completed_at = $3 where id = $1`, { bind: [payment.id, decision.status, now], transaction });
      await recordPaymentAudit(sequelize, transaction, [
        {
          ...base,
          action: decision.status === 'declined' ? 'payment.declined' : 'payment.cancelled',
          metadata: { eventId: event.id, amountHuf: payment.amountHuf },
        },
      ]);
      return { outcome: 'applied', eventId: event.id, paymentId: payment.id, status: decision.status, receiptDocumentId: null, doublePaidInvoiceIds: [] };

    case 'succeed':
      return succeed(ctx, transaction, payment, event, plan!, base);
  }
}

async function succeed(
  ctx: PaymentContext,
  transaction: Transaction,
  payment: PaymentRecord,
  event: PaymentEvent,
  plan: SuccessPlan,
  base: Omit<PaymentAuditEvent, 'action'>,
): Promise<WebhookResult> {
  const { sequelize } = ctx;
  const lines = (await paymentLines(sequelize, [payment.id], transaction, { lock: true })).get(payment.id) ?? [];
  const settled = lines.filter((l) => l.invoiceStatus === 'open');
  if (settled.map((l) => l.invoiceId).join() !== plan.settled.map((l) => l.invoiceId).join()) throw new StaleSnapshot();
  const doubles = lines.filter((l) => l.invoiceStatus !== 'open');
  const refundDueHuf = doubles.reduce((sum, l) => sum + l.amountHuf, 0);

  if (settled.length > 0) {
    await sequelize.query(`update invoices set status = 'paid', paid_at = $2 where id = any($1::int[]) and status = 'open'`, {
      bind: [settled.map((l) => l.invoiceId), event.occurredAt],
      transaction,
    });
  }

  let receiptDocumentId: string | null = null;
  let emailed = false;
  if (plan.receipt) {
    const { facts, document } = plan.receipt;
    const delivery = { sequelize, publicUrl: ctx.publicUrl, actorId: 'payments' };
    // The receipt e-mail announces the receipt document: one e-mail, not a second "new document" one.
    const delivered = await deliverDocument(
      delivery,
      {
        customerId: payment.customerId,
        policyId: null,
        document,
        source: 'system',
        documentId: facts.documentId,
        announce: (recipient) => receiptNotification(ctx.publicUrl, recipient, facts),
      },
      transaction,
    );
    receiptDocumentId = delivered.documentId;
    emailed = delivered.notificationId !== null;
  }

  await sequelize.query(
    `update payments set status = 'succeeded', completed_at = $2, refund_due_huf = refund_due_huf + $3, receipt_document_id = coalesce($4, receipt_document_id) where id = $1`,
    { bind: [payment.id, clock(ctx), refundDueHuf, receiptDocumentId], transaction },
  );

  const audits: PaymentAuditEvent[] = [
    {
      ...base,
      action: 'payment.succeeded',
      metadata: {
        eventId: event.id,
        amountHuf: payment.amountHuf,
        previousStatus: payment.status,
        paidInvoiceIds: settled.map((l) => l.invoiceId),
        receiptDocumentId,
        receiptEmail: emailed ? 'queued' : plan.receipt ? 'no_email_address' : 'none',
      },
    },
  ];
  if (doubles.length > 0) {
    audits.push({ ...base, action: 'payment.double_payment', metadata: { eventId: event.id, invoiceIds: doubles.map((l) => l.invoiceId), refundDueHuf } });
  }
  await recordPaymentAudit(sequelize, transaction, audits);

  return {
    outcome: 'applied',
    eventId: event.id,
    paymentId: payment.id,
    status: 'succeeded',
    receiptDocumentId,
    doublePaidInvoiceIds: doubles.map((l) => l.invoiceId),
  };
}

/**
 * An event for a superseded checkout of a payment (null: the reference names none). Applied at
 * most once like any event; a success adds its amount to the payment's refund due.
 */
async function applySupersededEvent(ctx: PaymentContext, event: PaymentEvent): Promise<WebhookResult | null> {
  const { sequelize, provider } = ctx;
  const [found] = await sequelize.query<{ payment_id: string }>(
    'select payment_id from payment_superseded_checkouts where provider = $1 and provider_reference = $2',
    { bind: [provider.name, event.providerReference], type: QueryTypes.SELECT },
  );
  if (!found) return null;
  const paymentId = String(found.payment_id);
  const paid = event.type === 'payment.succeeded';
  return sequelize.transaction(async (transaction) => {
    const inserted = await sequelize.query(
      `insert into payment_webhook_events (provider, event_id, event_type, provider_reference, payment_id, amount_huf, occurred_at, outcome)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (provider, event_id) do nothing returning event_id`,
      {
        bind: [provider.name, event.id, event.type, event.providerReference, paymentId, event.amountHuf, event.occurredAt, paid ? 'refund_due' : 'ignored'],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (inserted.length === 0) return { outcome: 'duplicate' as const, eventId: event.id };
    const [payment] = await sequelize.query<{ customer_id: number; client_id: string | null; refund_due_huf: number; status: PaymentStatus }>(
      `update payments set refund_due_huf = refund_due_huf + $2 where id = $1 returning customer_id, client_id, refund_due_huf, status`,
      { bind: [paymentId, paid ? event.amountHuf : 0], type: QueryTypes.SELECT, transaction },
    );
    const base = {
      actorType: 'system' as const,
      actorId: actorOf(ctx),
      customerId: payment ? Number(payment.customer_id) : null,
      paymentId,
      clientId: payment?.client_id ?? null,
    };
    if (!paid) {
      await recordPaymentAudit(sequelize, transaction, [
        { ...base, action: 'payment.webhook_ignored', metadata: { reason: 'superseded_checkout', eventId: event.id, eventType: event.type } },
      ]);
      return { outcome: 'ignored' as const, eventId: event.id, paymentId, status: payment?.status ?? 'cancelled', reason: 'superseded_checkout' as const };
    }
    await recordPaymentAudit(sequelize, transaction, [
      {
        ...base,
        action: 'payment.superseded_checkout_paid',
        metadata: { eventId: event.id, amountHuf: event.amountHuf, refundDueHuf: Number(payment?.refund_due_huf ?? 0) },
      },
    ]);
    return { outcome: 'refund_due' as const, eventId: event.id, paymentId, refundDueHuf: Number(payment?.refund_due_huf ?? 0) };
  });
}
