import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../../server/kernel/domain-error.ts';
import { MAX_INVOICES_PER_PAYMENT, PENDING_PAYMENT_MINUTES } from '../../../../server/domain/payments/context.ts';
import { listInvoices, outstandingTotal } from '../../../../server/domain/payments/invoices.ts';
import { getPayment, startPayment, type StartPaymentArgs } from '../../../../server/domain/payments/payments.ts';
import { handleWebhook } from '../../../../server/domain/payments/webhook.ts';
import { INSURER } from '../../../../common/insurer.ts';
import { renderEmail } from '../../../../server/notifications/templates/index.ts';
import type { PaymentProvider } from '../../../../server/payment-providers/provider.ts';
import { signatureHeader } from '../../../../server/payment-providers/demo/signature.ts';
import { DEMO_LOGINS, seedDemoData } from '../../../../server/seed/index.ts';
import { useTestDatabase } from '../../../support/database.ts';
import { pdfText } from '../../documents/pdf-text.ts';
import {
  BROKER_ORIGIN,
  CANCEL,
  DECLINED_CARD,
  GOOD_CARD,
  count,
  createHarness,
  customerPicker,
  expectRefusal,
  footprint,
  newKey,
  openInvoicesOf,
  pathOf,
  postForm,
  publicUrl,
  rows,
  type Harness,
} from './support.ts';
import { testPartnerSecrets } from '../../../support/partner-secrets.ts';

/**
 * Paying invoices through the demo provider's hosted page, end to end on a seeded database
 * (PostgreSQL with DATABASE_URL, else PGlite): start → page → test card → signed webhook →
 * invoices paid once, receipt in the mailbox, e-mails queued; and every way a webhook can be
 * duplicated, reordered, late or forged.
 */
const db = useTestDatabase();
let h: Harness;
let personId: number;
const pick = customerPicker(() => db.sequelize);

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = createHarness(db.sequelize);
  const [person] = await rows<{ id: number }>(db.sequelize, 'select id from customers where customer_number = $1', [DEMO_LOGINS.person.customerNumber]);
  personId = Number(person!.id);
}, 120_000);

const returnUrl = `${publicUrl.origin}/?view=szamlak&paid=1`;
const cancelUrl = `${publicUrl.origin}/?view=szamlak&cancelled=1`;

function args(customerId: number, invoiceIds: number[], extra: Partial<StartPaymentArgs> = {}): StartPaymentArgs {
  return { customerId, invoiceIds, idempotencyKey: newKey(), clientId: 'portal', returnUrl, cancelUrl, ...extra };
}

/** Starts a payment and completes its hosted page with `form`; returns the start result and the POST's response. */
async function payThroughPage(customerId: number, invoiceIds: number[], form: Record<string, string>) {
  const started = await startPayment(h.ctx, args(customerId, invoiceIds));
  const page = await h.app.request(pathOf(started.redirectUrl!));
  expect(page.status).toBe(200);
  const response = await postForm(h.app, pathOf(started.redirectUrl!), form);
  return { started, page, response, reference: new URL(started.redirectUrl!).pathname.split('/').pop()! };
}

const paymentRow = async (id: string) =>
  (
    await rows<{ status: string; refund_due_huf: number; receipt_document_id: string | null; provider_reference: string }>(
      db.sequelize,
      'select status, refund_due_huf, receipt_document_id, provider_reference from payments where id = $1',
      [id],
    )
  )[0]!;

const invoiceStates = (ids: number[]) =>
  rows<{ id: number; status: string; paid_at: Date | null }>(db.sequelize, 'select id, status, paid_at from invoices where id = any($1::int[]) order by id', [
    ids,
  ]);

const notificationsOf = (customerId: number, template: string) =>
  rows<{ id: string; data: Record<string, unknown>; language: 'hu' | 'en'; to_address: string }>(
    db.sequelize,
    'select id, data, language, to_address from notifications where customer_id = $1 and template = $2',
    [customerId, template],
  );

describe('paying through the demo hosted page', () => {
  it('pays two open invoices of the demo person end to end: paid once, receipt in the mailbox, the receipt e-mail queued', async () => {
    const open = await openInvoicesOf(db.sequelize, personId);
    expect(open.length).toBeGreaterThanOrEqual(2);
    const chosen = open.slice(0, 2);
    const overdueBefore = (await listInvoices(h.ctx, personId, { status: 'overdue' })).items;
    expect(overdueBefore.length).toBeGreaterThan(0);
    expect(chosen.map((i) => i.id)).toContain(overdueBefore[0]!.id);
    const before = await outstandingTotal(h.ctx, personId);
    const amount = chosen[0]!.amountHuf + chosen[1]!.amountHuf;

    const { started, page, response, reference } = await payThroughPage(
      personId,
      chosen.map((i) => i.id),
      GOOD_CARD,
    );
    expect(started).toMatchObject({ status: 'pending', amountHuf: amount, replayed: false });
    expect(started.redirectUrl).toMatch(new RegExp(`^${publicUrl.origin}/pay/demo/DEMO-[A-Z2-7]{26}$`));
    // While pending, the invoices say so and cannot be put into a second payment.
    const html = await page.text();
    expect(html).toContain(INSURER.name);
    expect(html).toContain(new Intl.NumberFormat('hu-HU').format(amount));
    expect(html).toContain('4242 4242 4242 4242');

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(returnUrl);
    expect(h.deliveries.at(-1)?.result).toMatchObject({ outcome: 'applied', status: 'succeeded', paymentId: started.paymentId, doublePaidInvoiceIds: [] });

    const invoices = await invoiceStates(chosen.map((i) => i.id));
    expect(invoices.map((i) => i.status)).toEqual(['paid', 'paid']);
    expect(invoices.every((i) => i.paid_at !== null)).toBe(true);
    const payment = await paymentRow(started.paymentId);
    expect(payment).toMatchObject({ status: 'succeeded', refund_due_huf: 0, provider_reference: reference });

    // The receipt: in the mailbox, its digest matching its bytes, listing both invoices.
    const docs = await rows<{ id: string; type: string; sha256: string; content: Buffer; size_bytes: number; policy_id: number | null; title: string }>(
      db.sequelize,
      `select id, type, sha256, content, size_bytes, policy_id, title from documents where customer_id = $1 and type = 'befizetes_igazolas' and source = 'system'`,
      [personId],
    );
    expect(docs).toHaveLength(1);
    const receipt = docs[0]!;
    expect(receipt.id).toBe(payment.receipt_document_id);
    expect(receipt.sha256).toBe(createHash('sha256').update(receipt.content).digest('hex'));
    expect(receipt.size_bytes).toBe(receipt.content.byteLength);
    expect(receipt.policy_id).toBeNull();
    // Named by its own number and the contracts it settled; the provider's reference only inside, for reconciliation.
    const contracts = [...new Set(chosen.map((i) => i.policyNumber))].join(', ');
    expect(receipt.title).toMatch(new RegExp(`^Befizetés igazolása – BF-\\d{4}-\\d{6} \\(${contracts}\\)$`));
    expect(receipt.title).not.toContain(reference);
    const receiptNumber = /BF-\d{4}-\d{6}/.exec(receipt.title)![0];
    expect(Number(receiptNumber.slice(-6))).toBeGreaterThan(100_000);
    const text = await pdfText(receipt.content);
    for (const invoice of chosen) expect(text).toContain(invoice.invoiceNumber);
    expect(text).toContain(reference);
    expect(text).toContain(receiptNumber);

    // Exactly one "payment received" e-mail and one document notification for it.
    const receipts = await notificationsOf(personId, 'payment_receipt');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.to_address).toBe(DEMO_LOGINS.person.username);
    expect(receipts[0]!.data).toMatchObject({
      customerNumber: DEMO_LOGINS.person.customerNumber,
      amount,
      paymentReference: reference,
      invoices: chosen.map((i) => ({ number: i.invoiceNumber, amount: i.amountHuf })),
      documentUrl: `${publicUrl.origin}/?view=levelezes&document=${receipt.id}`,
    });
    const rendered = await renderEmail('payment_receipt', receipts[0]!.language, receipts[0]!.data as never);
    expect(rendered.subject).toBe('Befizetés igazolása');
    // The receipt e-mail announces the receipt document: no second "new document" e-mail.
    const docMails = (await notificationsOf(personId, 'document_notification')).filter((n) => n.data.documentType === 'befizetes_igazolas');
    expect(docMails).toHaveLength(0);

    const audit = await rows<{ action: string }>(
      db.sequelize,
      `select action from audit_events where subject_type = 'payment' and subject_id = $1 order by id`,
      [started.paymentId],
    );
    expect(audit.map((a) => a.action)).toEqual(['payment.started', 'payment.succeeded']);

    const after = await outstandingTotal(h.ctx, personId);
    expect(after.totalHuf).toBe(before.totalHuf - amount);
    expect(after.count).toBe(before.count - 2);
    const view = await getPayment(h.ctx, personId, started.paymentId);
    expect(view).toMatchObject({ status: 'succeeded', amountHuf: amount, redirectUrl: null, receiptDocumentId: receipt.id, refundDueHuf: 0 });
    expect(view.invoices.map((i) => i.status)).toEqual(['paid', 'paid']);

    // Paying an already-paid invoice again is refused, and writes nothing.
    const snapshot = await footprint(db.sequelize);
    await expectRefusal(startPayment(h.ctx, args(personId, [chosen[0]!.id])), 'invoice_already_paid', 'conflict');
    expect(await footprint(db.sequelize)).toEqual(snapshot);
  });

  it('a declined test card leaves the invoices open and the payment declined, with no receipt or e-mail', async () => {
    const { customerId, invoices } = await pick(1);
    const before = await footprint(db.sequelize);
    const { started, response } = await payThroughPage(customerId, [invoices[0]!.id], DECLINED_CARD);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(returnUrl);
    expect(h.deliveries.at(-1)?.result).toMatchObject({ outcome: 'applied', status: 'declined' });
    expect((await paymentRow(started.paymentId)).status).toBe('declined');
    expect((await invoiceStates([invoices[0]!.id]))[0]!.status).toBe('open');
    const after = await footprint(db.sequelize);
    expect(after.documents).toBe(before.documents);
    expect(after.notifications).toBe(before.notifications);
    expect(after.paidInvoices).toBe(before.paidInvoices);
    // The invoice can be paid again at once (a declined payment no longer blocks it).
    const again = await startPayment(h.ctx, args(customerId, [invoices[0]!.id]));
    expect(again.status).toBe('pending');
  });

  it('Cancel goes back to the cancel URL and leaves the invoices open', async () => {
    const { customerId, invoices } = await pick(2);
    const ids = invoices.slice(0, 2).map((i) => i.id);
    const { started, response } = await payThroughPage(customerId, ids, CANCEL);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(cancelUrl);
    expect(h.deliveries.at(-1)?.result).toMatchObject({ outcome: 'applied', status: 'cancelled' });
    expect((await paymentRow(started.paymentId)).status).toBe('cancelled');
    expect((await invoiceStates(ids)).map((i) => i.status)).toEqual(['open', 'open']);
    expect(
      await count(db.sequelize, `select 1 from documents where customer_id = $1 and type = 'befizetes_igazolas' and source = 'system'`, [customerId]),
    ).toBe(0);
  });

  it('refuses a number that is not a test card, without echoing it, and keeps the checkout open', async () => {
    const { customerId, invoices } = await pick(1);
    const started = await startPayment(h.ctx, args(customerId, [invoices[0]!.id]));
    const deliveries = h.deliveries.length;
    const realLooking = '5555 5555 5555 4444';
    const response = await postForm(h.app, pathOf(started.redirectUrl!), { ...GOOD_CARD, card_number: realLooking });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Ez nem tesztkártya');
    expect(html).not.toContain('5555');
    expect(h.deliveries.length).toBe(deliveries);
    expect((await paymentRow(started.paymentId)).status).toBe('pending');
    // The same page still takes a test card afterwards.
    const paid = await postForm(h.app, pathOf(started.redirectUrl!), GOOD_CARD);
    expect(paid.status).toBe(303);
    expect((await paymentRow(started.paymentId)).status).toBe('succeeded');
  });
});

describe('webhooks: duplicated, reordered, late or forged', () => {
  it('the same webhook delivered three times (at once) pays once: one payment, one receipt, one e-mail', async () => {
    const { customerId, invoices } = await pick(2);
    const ids = invoices.slice(0, 2).map((i) => i.id);
    h.deliver = false;
    let reference: string;
    try {
      ({ reference } = await payThroughPage(customerId, ids, GOOD_CARD));
    } finally {
      h.deliver = true;
    }
    const webhook = h.deliveries.at(-1)!;
    const results = await Promise.all([1, 2, 3].map(() => handleWebhook(h.ctx, webhook.rawBody, webhook.headers)));
    expect(results.map((r) => r.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    // A provider retry later, signed afresh with the same event id, is a duplicate as well.
    const retry = (await h.provider.webhookFor(reference))!;
    expect(retry.headers['Gp-Signature']).toBeDefined();
    expect(await handleWebhook(h.ctx, retry.rawBody, retry.headers)).toMatchObject({ outcome: 'duplicate' });

    expect(await count(db.sequelize, `select 1 from payments where customer_id = $1 and status = 'succeeded'`, [customerId])).toBe(1);
    expect(
      await count(db.sequelize, `select 1 from documents where customer_id = $1 and type = 'befizetes_igazolas' and source = 'system'`, [customerId]),
    ).toBe(1);
    expect(await notificationsOf(customerId, 'payment_receipt')).toHaveLength(1);
    expect((await notificationsOf(customerId, 'document_notification')).filter((n) => n.data.documentType === 'befizetes_igazolas')).toHaveLength(0);
    expect(await count(db.sequelize, `select 1 from payment_webhook_events where provider_reference = $1`, [reference])).toBe(1);
    expect((await invoiceStates(ids)).map((i) => i.status)).toEqual(['paid', 'paid']);
  });

  it('a decline arriving after the success, and a second success with another event id, change nothing', async () => {
    const { customerId, invoices } = await pick(1);
    const id = invoices[0]!.id;
    const { started, reference } = await payThroughPage(customerId, [id], GOOD_CARD);
    const paidAt = (await invoiceStates([id]))[0]!.paid_at;
    const checkout = (await h.provider.getCheckout(reference))!;

    const late = h.provider.signEvent(h.provider.eventPayload(checkout, 'payment.declined', new Date(Date.now() - 60_000)));
    expect(await handleWebhook(h.ctx, late.rawBody, late.headers)).toMatchObject({ outcome: 'ignored', reason: 'already_succeeded', status: 'succeeded' });
    const cancelled = h.provider.signEvent(h.provider.eventPayload(checkout, 'payment.cancelled'));
    expect(await handleWebhook(h.ctx, cancelled.rawBody, cancelled.headers)).toMatchObject({ outcome: 'ignored' });
    const second = h.provider.signEvent(h.provider.eventPayload(checkout, 'payment.succeeded'));
    expect(await handleWebhook(h.ctx, second.rawBody, second.headers)).toMatchObject({ outcome: 'ignored', reason: 'already_succeeded' });

    expect(await paymentRow(started.paymentId)).toMatchObject({ status: 'succeeded', refund_due_huf: 0 });
    expect((await invoiceStates([id]))[0]!.paid_at).toEqual(paidAt);
    expect(
      await count(db.sequelize, `select 1 from documents where customer_id = $1 and type = 'befizetes_igazolas' and source = 'system'`, [customerId]),
    ).toBe(1);
    expect(await notificationsOf(customerId, 'payment_receipt')).toHaveLength(1);
    expect(await count(db.sequelize, `select 1 from payment_webhook_events where provider_reference = $1`, [reference])).toBe(4);
  });

  it('a success arriving after a decline still settles the payment (money taken is never ignored)', async () => {
    const { customerId, invoices } = await pick(1);
    const id = invoices[0]!.id;
    const started = await startPayment(h.ctx, args(customerId, [id]));
    const reference = new URL(started.redirectUrl!).pathname.split('/').pop()!;
    const checkout = (await h.provider.getCheckout(reference))!;
    const declined = h.provider.signEvent(h.provider.eventPayload(checkout, 'payment.declined'));
    expect(await handleWebhook(h.ctx, declined.rawBody, declined.headers)).toMatchObject({ outcome: 'applied', status: 'declined' });
    const succeeded = h.provider.signEvent(h.provider.eventPayload(checkout, 'payment.succeeded'));
    expect(await handleWebhook(h.ctx, succeeded.rawBody, succeeded.headers)).toMatchObject({ outcome: 'applied', status: 'succeeded' });
    expect((await invoiceStates([id]))[0]!.status).toBe('paid');
    expect(await notificationsOf(customerId, 'payment_receipt')).toHaveLength(1);
  });

  it('refuses forged, wrongly keyed, stale, tampered and unsigned webhooks, changing nothing but the audit trail', async () => {
    const { customerId, invoices } = await pick(1);
    const started = await startPayment(h.ctx, args(customerId, [invoices[0]!.id]));
    const reference = new URL(started.redirectUrl!).pathname.split('/').pop()!;
    const checkout = (await h.provider.getCheckout(reference))!;
    const payload = h.provider.eventPayload(checkout, 'payment.succeeded');
    const body = JSON.stringify(payload);
    const now = new Date();
    const tamperedBody = JSON.stringify({ ...payload, data: { ...payload.data, amount: 1 } });
    const attempts: [string, string, Record<string, string>][] = [
      ['forged signature', body, { 'Gp-Signature': `t=${Math.floor(now.getTime() / 1000)},v1=${'ab'.repeat(32)}` }],
      ['wrong secret', body, { 'Gp-Signature': signatureHeader('another-secret-that-is-long-enough-000000', body, now) }],
      ['stale timestamp', body, { 'Gp-Signature': signatureHeader('whsec_test_0123456789abcdef0123456789abcdef', body, new Date(now.getTime() - 6 * 60_000)) }],
      [
        'future timestamp',
        body,
        { 'Gp-Signature': signatureHeader('whsec_test_0123456789abcdef0123456789abcdef', body, new Date(now.getTime() + 6 * 60_000)) },
      ],
      ['tampered amount', tamperedBody, { 'Gp-Signature': signatureHeader('whsec_test_0123456789abcdef0123456789abcdef', body, now) }],
      ['no signature', body, {}],
      ['malformed header', body, { 'Gp-Signature': 'v1=abc' }],
    ];
    const before = await footprint(db.sequelize);
    const auditsBefore = await count(db.sequelize, `select 1 from audit_events where action = 'payment.webhook_rejected'`);
    for (const [label, raw, headers] of attempts) {
      const error = await handleWebhook(h.ctx, raw, headers).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, label).toBeInstanceOf(DomainError);
      expect((error as DomainError).code, label).toBe('webhook_rejected');
    }
    expect(await footprint(db.sequelize)).toEqual(before);
    expect(await paymentRow(started.paymentId)).toMatchObject({ status: 'pending' });
    const reasons = await rows<{ reason: string }>(
      db.sequelize,
      `select metadata->>'reason' as reason from audit_events where action = 'payment.webhook_rejected' order by id desc limit $1`,
      [attempts.length],
    );
    expect(await count(db.sequelize, `select 1 from audit_events where action = 'payment.webhook_rejected'`)).toBe(auditsBefore + attempts.length);
    expect(reasons.map((r) => r.reason).reverse()).toEqual([
      'bad_signature',
      'bad_signature',
      'stale_timestamp',
      'stale_timestamp',
      'bad_signature',
      'missing_signature',
      'malformed_signature',
    ]);

    // Correctly signed but for another amount (a provider-side mix-up): recorded, refused, nothing paid.
    const wrongAmount = h.provider.signEvent({ ...payload, id: `${payload.id}x`, data: { ...payload.data, amount: payload.data.amount + 100 } });
    expect(await handleWebhook(h.ctx, wrongAmount.rawBody, wrongAmount.headers)).toMatchObject({ outcome: 'rejected', reason: 'amount_mismatch' });
    expect(await paymentRow(started.paymentId)).toMatchObject({ status: 'pending' });
    expect((await invoiceStates([invoices[0]!.id]))[0]!.status).toBe('open');

    // The genuine webhook still works afterwards.
    const genuine = h.provider.signEvent(payload);
    expect(await handleWebhook(h.ctx, genuine.rawBody, genuine.headers)).toMatchObject({ outcome: 'applied', status: 'succeeded' });
  });

  it('a webhook for an unknown checkout is refused and not remembered', async () => {
    const fake = h.provider.signEvent(
      h.provider.eventPayload(
        { reference: 'DEMO-AAAAAAAAAAAAAAAAAAAAAAAAAA', paymentId: '00000000-0000-4000-8000-000000000000', amountHuf: 1000 },
        'payment.succeeded',
      ),
    );
    await expectRefusal(handleWebhook(h.ctx, fake.rawBody, fake.headers), 'payment_not_found', 'not_found');
    expect(await count(db.sequelize, `select 1 from payment_webhook_events where provider_reference = 'DEMO-AAAAAAAAAAAAAAAAAAAAAAAAAA'`)).toBe(0);
    // Audited all the same, on no customer: which provider, why, and the event.
    const [audit] = await rows<{ customer_id: number | null; actor_id: string; metadata: Record<string, unknown> }>(
      db.sequelize,
      `select customer_id, actor_id, metadata from audit_events where action = 'payment.webhook_rejected' order by id desc limit 1`,
    );
    expect(audit).toEqual({
      customer_id: null,
      actor_id: `payment-provider:${h.provider.name}`,
      metadata: { provider: h.provider.name, reason: 'unknown_payment', eventId: expect.any(String) },
    });
  });

  it('a late success for an expired payment whose invoice was paid meanwhile flags a refund instead of paying twice', async () => {
    const { customerId, invoices } = await pick(1);
    const id = invoices[0]!.id;
    const first = await startPayment(h.ctx, args(customerId, [id]));
    // While the first is pending, a second payment of the invoice is refused; the list says so.
    await expectRefusal(startPayment(h.ctx, args(customerId, [id])), 'invoice_payment_pending', 'conflict');
    const listed = await listInvoices(h.ctx, customerId, { status: 'open' });
    expect(listed.items.find((i) => i.id === id)?.paymentPending).toBe(true);

    // Half an hour later the first is given up, and a second payment goes through.
    h.shiftMinutes = PENDING_PAYMENT_MINUTES + 1;
    try {
      const second = await startPayment(h.ctx, args(customerId, [id]));
      expect((await paymentRow(first.paymentId)).status).toBe('cancelled');
      expect(await count(db.sequelize, `select 1 from audit_events where action = 'payment.expired' and subject_id = $1`, [first.paymentId])).toBe(1);
      const secondRef = new URL(second.redirectUrl!).pathname.split('/').pop()!;
      const ok = h.provider.signEvent(h.provider.eventPayload((await h.provider.getCheckout(secondRef))!, 'payment.succeeded'));
      expect(await handleWebhook(h.ctx, ok.rawBody, ok.headers)).toMatchObject({ outcome: 'applied', status: 'succeeded' });
      const paidAt = (await invoiceStates([id]))[0]!.paid_at;

      // Now the provider reports that the first checkout was paid too.
      const firstRef = new URL(first.redirectUrl!).pathname.split('/').pop()!;
      const late = h.provider.signEvent(h.provider.eventPayload((await h.provider.getCheckout(firstRef))!, 'payment.succeeded'));
      const result = await handleWebhook(h.ctx, late.rawBody, late.headers);
      expect(result).toMatchObject({ outcome: 'applied', status: 'succeeded', receiptDocumentId: null, doublePaidInvoiceIds: [id] });
      expect(await paymentRow(first.paymentId)).toMatchObject({ status: 'succeeded', refund_due_huf: invoices[0]!.amountHuf });
      expect((await invoiceStates([id]))[0]!.paid_at).toEqual(paidAt);
      expect(await count(db.sequelize, `select 1 from audit_events where action = 'payment.double_payment' and subject_id = $1`, [first.paymentId])).toBe(1);
      expect(
        await count(db.sequelize, `select 1 from documents where customer_id = $1 and type = 'befizetes_igazolas' and source = 'system'`, [customerId]),
      ).toBe(1);
      expect((await getPayment(h.ctx, customerId, first.paymentId)).refundDueHuf).toBe(invoices[0]!.amountHuf);
    } finally {
      h.shiftMinutes = 0;
    }
  });
});

describe('startPayment refusals and idempotency', () => {
  it('the same idempotency key with the same invoices returns the same payment; with other invoices it is refused', async () => {
    const { customerId, invoices } = await pick(2);
    const [a, b] = [invoices[0]!.id, invoices[1]!.id];
    const key = newKey();
    const first = await startPayment(h.ctx, args(customerId, [a, b], { idempotencyKey: key }));
    const again = await startPayment(h.ctx, args(customerId, [b, a], { idempotencyKey: key }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await count(db.sequelize, 'select 1 from payments where customer_id = $1', [customerId])).toBe(1);
    expect(await count(db.sequelize, 'select 1 from demo_payment_checkouts where payment_id = $1', [first.paymentId])).toBe(1);
    await expectRefusal(startPayment(h.ctx, args(customerId, [a], { idempotencyKey: key })), 'idempotency_key_reused', 'conflict');
    // The same key of another customer is another payment.
    const other = await pick(1);
    const theirs = await startPayment(h.ctx, args(other.customerId, [other.invoices[0]!.id], { idempotencyKey: key }));
    expect(theirs.paymentId).not.toBe(first.paymentId);
    // After completion the key still answers with the payment's final state.
    await postForm(h.app, pathOf(first.redirectUrl!), GOOD_CARD);
    expect(await startPayment(h.ctx, args(customerId, [a, b], { idempotencyKey: key }))).toMatchObject({
      paymentId: first.paymentId,
      status: 'succeeded',
      redirectUrl: null,
      replayed: true,
    });
  });

  it("another customer's invoice is not_found like a missing one, and nothing is written", async () => {
    const mine = await pick(1);
    const theirs = await pick(1);
    const before = await footprint(db.sequelize);
    const auditBefore = await count(db.sequelize, 'select 1 from audit_events');
    await expectRefusal(startPayment(h.ctx, args(mine.customerId, [theirs.invoices[0]!.id])), 'invoice_not_found', 'not_found');
    await expectRefusal(startPayment(h.ctx, args(mine.customerId, [mine.invoices[0]!.id, theirs.invoices[0]!.id])), 'invoice_not_found', 'not_found');
    await expectRefusal(startPayment(h.ctx, args(mine.customerId, [2_000_000_000])), 'invoice_not_found', 'not_found');
    expect(await footprint(db.sequelize)).toEqual(before);
    expect(await count(db.sequelize, 'select 1 from audit_events')).toBe(auditBefore);
  });

  it('keeps a broker partner inside its policy scope', async () => {
    const { customerId, invoices } = await pick(2);
    const inScope = invoices[0]!;
    const outOfScope = invoices.find((i) => i.policyId !== inScope.policyId);
    const scope = { allowedPolicyIds: [inScope.policyId] };
    if (outOfScope) {
      await expectRefusal(
        startPayment(
          h.ctx,
          args(customerId, [outOfScope.id], {
            ...scope,
            clientId: 'biztos-pont',
            returnUrl: `${BROKER_ORIGIN}/fizetes`,
            cancelUrl: `${BROKER_ORIGIN}/fizetes`,
          }),
        ),
        'invoice_not_found',
        'not_found',
      );
    }
    const ok = await startPayment(
      h.ctx,
      args(customerId, [inScope.id], { ...scope, clientId: 'biztos-pont', returnUrl: `${BROKER_ORIGIN}/fizetes?ok`, cancelUrl: `${BROKER_ORIGIN}/fizetes` }),
    );
    expect(ok.status).toBe('pending');
    expect(await getPayment(h.ctx, customerId, ok.paymentId, scope)).toMatchObject({ id: ok.paymentId, status: 'pending', redirectUrl: ok.redirectUrl });
    await expectRefusal(getPayment(h.ctx, customerId, ok.paymentId, { allowedPolicyIds: [] }), 'payment_not_found', 'not_found');
  });

  it('validates its arguments before touching anything', async () => {
    const { customerId, invoices } = await pick(1);
    const id = invoices[0]!.id;
    const before = await footprint(db.sequelize);
    await expectRefusal(startPayment(h.ctx, args(customerId, [])), 'no_invoices', 'invalid');
    await expectRefusal(startPayment(h.ctx, args(customerId, [id, id])), 'duplicate_invoice', 'invalid');
    await expectRefusal(
      startPayment(
        h.ctx,
        args(
          customerId,
          Array.from({ length: MAX_INVOICES_PER_PAYMENT + 1 }, (_, i) => i + 1),
        ),
      ),
      'too_many_invoices',
      'invalid',
    );
    await expectRefusal(startPayment(h.ctx, args(customerId, [1.5])), 'invalid_invoice_id', 'invalid');
    await expectRefusal(startPayment(h.ctx, args(customerId, [id], { idempotencyKey: 'short' })), 'invalid_idempotency_key', 'invalid');
    await expectRefusal(startPayment(h.ctx, args(customerId, [id], { returnUrl: 'javascript:alert(1)' })), 'invalid_return_url', 'invalid');
    await expectRefusal(startPayment(h.ctx, args(customerId, [id], { returnUrl: 'https://evil.example/phish' })), 'return_url_not_allowed', 'invalid');
    // The broker's origin is allowed for the broker's client only.
    await expectRefusal(startPayment(h.ctx, args(customerId, [id], { cancelUrl: `${BROKER_ORIGIN}/x` })), 'return_url_not_allowed', 'invalid');
    await expectRefusal(startPayment(h.ctx, args(customerId, [id], { clientId: 'no-such-client' })), 'unknown_client', 'invalid');
    expect(await footprint(db.sequelize)).toEqual(before);
  });

  it('marks the payment failed when the provider cannot open a checkout', async () => {
    const { customerId, invoices } = await pick(1);
    const broken: PaymentProvider = {
      name: 'demo',
      createCheckout: async () => Promise.reject(new Error('provider down')),
      verifyWebhook: h.provider.verifyWebhook.bind(h.provider),
    };
    const key = newKey();
    await expectRefusal(
      startPayment({ ...h.ctx, provider: broken }, args(customerId, [invoices[0]!.id], { idempotencyKey: key })),
      'payment_provider_unavailable',
      'unavailable',
    );
    expect(await startPayment(h.ctx, args(customerId, [invoices[0]!.id], { idempotencyKey: key }))).toMatchObject({
      status: 'failed',
      redirectUrl: null,
      replayed: true,
    });
    // A new attempt (a new key) is not blocked by the failed one.
    expect((await startPayment(h.ctx, args(customerId, [invoices[0]!.id]))).status).toBe('pending');
  });

  it("getPayment hides other customers' payments and malformed ids", async () => {
    const { customerId, invoices } = await pick(1);
    const started = await startPayment(h.ctx, args(customerId, [invoices[0]!.id]));
    await expectRefusal(getPayment(h.ctx, personId, started.paymentId), 'payment_not_found', 'not_found');
    await expectRefusal(getPayment(h.ctx, customerId, 'not-a-uuid'), 'payment_not_found', 'not_found');
    expect(await getPayment(h.ctx, customerId, started.paymentId)).toMatchObject({
      status: 'pending',
      redirectUrl: started.redirectUrl,
      amountHuf: invoices[0]!.amountHuf,
    });
  });
});
