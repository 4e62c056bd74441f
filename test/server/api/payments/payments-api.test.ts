import { Hono } from 'hono';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader, SIGNATURE_HEADER } from '../../../../server/payment-providers/demo/signature.ts';
import { useTestDatabase } from '../../../support/database.ts';
import { footprint, GOOD_CARD, pathOf } from '../../domain/payments/support.ts';
import { api, BROKER_ORIGIN, COMPANY, loginSession, PERSON, startPortal, type RunningPortal, type BrowserSession } from '../session/harness.ts';

/**
 * The payments resource through the real app, logged in through the real IdP: invoices and the
 * outstanding premium, paying on the hosted demo page, the provider's webhook, and refusals.
 */
const db = useTestDatabase();
let portal: RunningPortal;
let session: BrowserSession;
let personId: number;
let companyId: number;
/** The hosted page: the app's own `/pay/demo` once mounted there, else served here on its own app. */
let hosted: (url: string, init?: RequestInit) => Promise<Response>;

async function sql<T extends object>(query: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
}

async function customerIdOf(customerNumber: string): Promise<number> {
  const [row] = await sql<{ id: number }>('select id from customers where customer_number = $1', [customerNumber]);
  return Number(row!.id);
}

async function openInvoices(customerId: number): Promise<Array<{ id: number; amount_huf: number }>> {
  return (
    await sql<{ id: number; amount_huf: number }>(`select id, amount_huf from invoices where customer_id = $1 and status = 'open' order by due_date, id`, [
      customerId,
    ])
  ).map((r) => ({ id: Number(r.id), amount_huf: Number(r.amount_huf) }));
}

const urls = () => ({ returnUrl: `${portal.origin}/?view=szamlak&fizetes=kesz`, cancelUrl: `${portal.origin}/?view=szamlak&fizetes=megszakitva` });
let keyCounter = 0;
const newKey = () => `api-test-${Date.now()}-${++keyCounter}`;

const pay = (invoiceIds: number[], key: string | null, as: BrowserSession = session) =>
  api(portal, '/api/payments', {
    origin: portal.origin,
    session: as,
    body: { invoiceIds, ...urls() },
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  session = (await loginSession(portal, { origin: portal.origin, clientId: 'portal' })).session;
  personId = await customerIdOf(PERSON.customerNumber);
  companyId = await customerIdOf(COMPANY.customerNumber);

  const mounted = (await fetch(`${portal.origin}/pay/demo/assets/demo-pay.css`)).status === 200;
  const local = new Hono().route('/pay/demo', portal.payments.page);
  hosted = mounted ? (url, init) => fetch(url, { redirect: 'manual', ...init }) : async (url, init) => local.request(pathOf(url), init);
}, 120_000);
afterAll(() => portal?.close());

describe('GET /api/invoices', () => {
  it("lists the person's invoices and outstanding total as the database has them, no-store", async () => {
    const { response, json } = await api(portal, '/api/invoices?status=open', { origin: portal.origin, session });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const open = await openInvoices(personId);
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(json.total).toBe(open.length);
    expect(json.items.map((i: { id: number }) => i.id).sort()).toEqual(open.map((i) => i.id).sort());
    const [totals] = await sql<{ total: string; n: string; overdue: string; overdue_n: string }>(
      `select coalesce(sum(amount_huf), 0) as total, count(*) as n,
              coalesce(sum(amount_huf) filter (where due_date < (now() at time zone 'Europe/Budapest')::date), 0) as overdue,
              count(*) filter (where due_date < (now() at time zone 'Europe/Budapest')::date) as overdue_n
         from invoices where customer_id = $1 and status = 'open'`,
      [personId],
    );
    expect(json.outstanding).toEqual({
      totalHuf: Number(totals!.total),
      count: Number(totals!.n),
      overdueHuf: Number(totals!.overdue),
      overdueCount: Number(totals!.overdue_n),
    });
    for (const item of json.items) expect(Number.isInteger(item.amountHuf)).toBe(true);
  });

  it('filters by status and pages', async () => {
    const [all] = await sql<{ n: string }>('select count(*) as n from invoices where customer_id = $1', [personId]);
    const { json } = await api(portal, '/api/invoices?status=all&page=1&pageSize=1', { origin: portal.origin, session });
    expect(json.total).toBe(Number(all!.n));
    expect(json.items).toHaveLength(1);
    expect(json.pageSize).toBe(1);
    const paid = await api(portal, '/api/invoices?status=paid', { origin: portal.origin, session });
    const [paidCount] = await sql<{ n: string }>(`select count(*) as n from invoices where customer_id = $1 and status = 'paid'`, [personId]);
    expect(paid.json.total).toBe(Number(paidCount!.n));
    expect(paid.json.items.every((i: { status: string }) => i.status === 'paid')).toBe(true);
  });

  it('refuses a bad filter or page size with 400 invalid_request', async () => {
    const bad = await api(portal, '/api/invoices?status=unpaid&pageSize=1000', { origin: portal.origin, session });
    expect(bad.response.status).toBe(400);
    expect(bad.json.code).toBe('invalid_request');
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'status']);
  });

  it("shows a broker partner only its broker's invoices", async () => {
    const broker = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont' });
    const { response, json } = await api(portal, '/api/invoices?status=all&pageSize=100', { origin: BROKER_ORIGIN, session: broker.session });
    expect(response.status).toBe(200);
    const expected = await sql<{ id: number }>(
      `select i.id from invoices i join policies p on p.id = i.policy_id join partner_clients pc on pc.broker_id = p.broker_id
        where i.customer_id = $1 and pc.client_id = 'biztos-pont'`,
      [personId],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(json.items.map((i: { id: number }) => i.id).sort()).toEqual(expected.map((r) => Number(r.id)).sort());
  });
});

describe('POST /api/payments', () => {
  it('pays two open invoices on the hosted page: invoices paid, receipt in the mailbox, one receipt e-mail; the same key replays', async () => {
    const [a, b] = await openInvoices(personId);
    const amount = a!.amount_huf + b!.amount_huf;
    const before = await api(portal, '/api/invoices', { origin: portal.origin, session });
    const receiptsSql = `select id from documents where customer_id = $1 and type = 'befizetes_igazolas'`;
    const mailsSql = `select id from notifications where customer_id = $1 and template = 'payment_receipt'`;
    const paymentsSql = 'select id from payments where customer_id = $1';
    const receiptsBefore = (await sql<{ id: string }>(receiptsSql, [personId])).map((r) => r.id);
    const mailsBefore = (await sql(mailsSql, [personId])).length;
    const paymentsBefore = (await sql(paymentsSql, [personId])).length;
    const key = newKey();

    const started = await pay([a!.id, b!.id], key);
    expect(started.response.status).toBe(201);
    expect(started.response.headers.get('cache-control')).toBe('no-store');
    expect(started.json).toMatchObject({ status: 'pending', amountHuf: amount });
    expect(started.json.redirectUrl.startsWith(`${portal.origin}/pay/demo/DEMO-`)).toBe(true);
    const paymentId = started.json.paymentId as string;

    const page = await hosted(started.json.redirectUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('4242 4242 4242 4242');

    const submitted = await hosted(started.json.redirectUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portal.origin },
      body: new URLSearchParams(GOOD_CARD).toString(),
    });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe(urls().returnUrl);

    const paid = await sql<{ id: number; status: string }>('select id, status from invoices where id = any($1::int[])', [[a!.id, b!.id]]);
    expect(paid.map((r) => r.status)).toEqual(['paid', 'paid']);

    const polled = await api(portal, `/api/payments/${paymentId}`, { origin: portal.origin, session });
    expect(polled.response.status).toBe(200);
    expect(polled.json).toMatchObject({ id: paymentId, status: 'succeeded', amountHuf: amount, redirectUrl: null, refundDueHuf: 0 });
    expect(polled.json.invoices.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid']);

    const receipts = (await sql<{ id: string }>(receiptsSql, [personId])).filter((r) => !receiptsBefore.includes(r.id));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.id).toBe(polled.json.receiptDocumentId);
    expect(await sql(mailsSql, [personId])).toHaveLength(mailsBefore + 1);

    const after = await api(portal, '/api/invoices', { origin: portal.origin, session });
    expect(after.json.outstanding.totalHuf).toBe(before.json.outstanding.totalHuf - amount);

    // The payment history: the paid invoices lead to their receipt.
    const history = await api(portal, '/api/invoices?status=paid&pageSize=100', { origin: portal.origin, session });
    for (const id of [a!.id, b!.id]) {
      expect(history.json.items.find((i: { id: number }) => i.id === id)).toMatchObject({ status: 'paid', receiptDocumentId: polled.json.receiptDocumentId });
    }

    const replay = await pay([a!.id, b!.id], key);
    expect(replay.response.status).toBe(200);
    expect(replay.json).toEqual({ paymentId, status: 'succeeded', amountHuf: amount, redirectUrl: null });
    expect(await sql(paymentsSql, [personId])).toHaveLength(paymentsBefore + 1);
    expect(await sql(mailsSql, [personId])).toHaveLength(mailsBefore + 1);
  });

  it('a replay of a pending payment gives the same payment and page', async () => {
    const [invoice] = await openInvoices(companyId);
    const company = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY });
    const key = newKey();
    const first = await pay([invoice!.id], key, company.session);
    expect(first.response.status).toBe(201);
    const second = await pay([invoice!.id], key, company.session);
    expect(second.response.status).toBe(200);
    expect(second.json).toEqual(first.json);
  });

  it('a pending payment can be resumed or cancelled by the customer: cancelled, its invoices can be paid again at once', async () => {
    const [invoice] = await openInvoices(personId);
    const started = await pay([invoice!.id], newKey());
    expect(started.response.status).toBe(201);
    const paymentId = started.json.paymentId as string;

    // The list names the pending payment, and keeps the invoice's own due state.
    const listed = await api(portal, '/api/invoices', { origin: portal.origin, session });
    const row = listed.json.items.find((i: { id: number }) => i.id === invoice!.id);
    expect(row).toMatchObject({ paymentPending: true, pendingPaymentId: paymentId, status: expect.stringMatching(/^(open|overdue)$/) });
    // Resuming: the payment still has its page.
    const resumed = await api(portal, `/api/payments/${paymentId}`, { origin: portal.origin, session });
    expect(resumed.json.redirectUrl).toBe(started.json.redirectUrl);
    // Paying it anew is refused while it waits …
    expect((await pay([invoice!.id], newKey())).json.code).toBe('invoice_payment_pending');

    // … and allowed once the customer cancels it.
    const cancelled = await api(portal, `/api/payments/${paymentId}/cancel`, { origin: portal.origin, session, method: 'POST' });
    expect(cancelled.response.status).toBe(200);
    expect(cancelled.json).toMatchObject({ id: paymentId, status: 'cancelled', redirectUrl: null });
    const [audit] = await sql<{ n: string }>(`select count(*) as n from audit_events where action = 'payment.cancelled' and subject_id = $1`, [paymentId]);
    expect(Number(audit!.n)).toBe(1);
    const again = await api(portal, '/api/invoices', { origin: portal.origin, session });
    expect(again.json.items.find((i: { id: number }) => i.id === invoice!.id)).toMatchObject({ paymentPending: false, pendingPaymentId: null });
    // Cancelling twice answers the same; a new payment of the invoice starts.
    expect((await api(portal, `/api/payments/${paymentId}/cancel`, { origin: portal.origin, session, method: 'POST' })).json.status).toBe('cancelled');
    const fresh = await pay([invoice!.id], newKey());
    expect(fresh.response.status).toBe(201);
    await api(portal, `/api/payments/${fresh.json.paymentId}/cancel`, { origin: portal.origin, session, method: 'POST' });
  });

  it("refuses to cancel another customer's payment (404) or one that has ended (409), changing nothing", async () => {
    const company = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY });
    const [invoice] = await openInvoices(companyId);
    const theirs = await pay([invoice!.id], newKey(), company.session);
    const paymentId = (theirs.json.paymentId ??
      (await sql<{ id: string }>(`select id from payments where customer_id = $1 and status = 'pending' limit 1`, [companyId]))[0]!.id) as string;
    const refused = await api(portal, `/api/payments/${paymentId}/cancel`, { origin: portal.origin, session, method: 'POST' });
    expect(refused.response.status).toBe(404);
    expect(refused.json.code).toBe('payment_not_found');
    const [still] = await sql<{ status: string }>('select status from payments where id = $1', [paymentId]);
    expect(still!.status).toBe('pending');

    const [succeeded] = await sql<{ id: string }>(`select id from payments where customer_id = $1 and status = 'succeeded' limit 1`, [personId]);
    const ended = await api(portal, `/api/payments/${succeeded!.id}/cancel`, { origin: portal.origin, session, method: 'POST' });
    expect(ended.response.status).toBe(409);
    expect(ended.json.code).toBe('payment_not_pending');
    await api(portal, `/api/payments/${paymentId}/cancel`, { origin: portal.origin, session: company.session, method: 'POST' });
  });

  it('requires an Idempotency-Key (400, nothing written)', async () => {
    const [invoice] = await openInvoices(personId);
    const before = await footprint(db.sequelize);
    for (const key of [null, 'short']) {
      const { response, json } = await pay([invoice!.id], key);
      expect(response.status).toBe(400);
      expect(json.code).toBe('invalid_request');
      expect(json.errors[0].field).toBe('idempotency-key');
    }
    const empty = await api(portal, '/api/payments', {
      origin: portal.origin,
      session,
      body: { invoiceIds: [], ...urls() },
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(empty.response.status).toBe(400);
    expect(await footprint(db.sequelize)).toEqual(before);
  });

  it("answers 404 for another customer's invoice and writes nothing", async () => {
    const [other] = await sql<{ id: number }>(`select id from invoices where customer_id <> $1 and status = 'open' order by id limit 1`, [personId]);
    const before = await footprint(db.sequelize);
    const { response, json } = await pay([Number(other!.id)], newKey());
    expect(response.status).toBe(404);
    expect(json.code).toBe('invoice_not_found');
    expect(await footprint(db.sequelize)).toEqual(before);
  });

  it("answers 404 for another customer's payment id", async () => {
    const [other] = await sql<{ id: string }>('select id from payments where customer_id <> $1 limit 1', [personId]);
    const { response, json } = await api(portal, `/api/payments/${other!.id}`, { origin: portal.origin, session });
    expect(response.status).toBe(404);
    expect(json.code).toBe('payment_not_found');
    expect((await api(portal, '/api/payments/not-a-uuid', { origin: portal.origin, session })).response.status).toBe(404);
  });
});

describe('POST /api/payments/webhooks/demo', () => {
  async function pendingPayment(): Promise<{ id: string; reference: string; amount: number; invoiceIds: number[] }> {
    const invoice = (await openInvoices(personId))[0]!;
    const started = await pay([invoice.id], newKey());
    expect(started.response.status).toBe(201);
    const [row] = await sql<{ provider_reference: string }>('select provider_reference from payments where id = $1', [started.json.paymentId]);
    return { id: started.json.paymentId, reference: row!.provider_reference, amount: invoice.amount_huf, invoiceIds: [invoice.id] };
  }

  const post = (rawBody: string, headers: Record<string, string>) =>
    fetch(`${portal.origin}/api/payments/webhooks/demo`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: rawBody });

  it('refuses a forged webhook (bad signature) with 400 and changes nothing', async () => {
    const payment = await pendingPayment();
    const { provider } = portal.payments;
    const payload = provider.eventPayload({ reference: payment.reference, paymentId: payment.id, amountHuf: payment.amount }, 'payment.succeeded');
    const rawBody = JSON.stringify(payload);
    const before = await footprint(db.sequelize);

    for (const headers of [{ [SIGNATURE_HEADER]: signatureHeader('forged-secret-forged-secret-forged-secret', rawBody, new Date()) }, {}] as Array<
      Record<string, string>
    >) {
      const response = await post(rawBody, headers);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { code: string }).code).toBe('webhook_rejected');
    }
    expect(await footprint(db.sequelize)).toEqual(before);
    const [row] = await sql<{ status: string }>('select status from payments where id = $1', [payment.id]);
    expect(row!.status).toBe('pending');
    const [invoice] = await sql<{ status: string }>('select status from invoices where id = $1', [payment.invoiceIds[0]]);
    expect(invoice!.status).toBe('open');
    expect(await sql(`select 1 from audit_events where action = 'payment.webhook_rejected'`)).toHaveLength(2);

    // The provider's own signature (no session needed): applied once, then a duplicate.
    const signed = provider.signEvent(payload);
    const applied = await post(signed.rawBody, signed.headers);
    expect(applied.status).toBe(200);
    expect(await applied.json()).toEqual({ received: true, outcome: 'applied' });
    const again = await post(signed.rawBody, signed.headers);
    expect(await again.json()).toEqual({ received: true, outcome: 'duplicate' });
    const [after] = await sql<{ status: string }>('select status from payments where id = $1', [payment.id]);
    expect(after!.status).toBe('succeeded');
  });
});

describe('without a session', () => {
  it('answers 401 on invoices and payments', async () => {
    for (const [path, init] of [
      ['/api/invoices', {}],
      ['/api/payments', { body: { invoiceIds: [1], ...urls() }, headers: { 'Idempotency-Key': newKey() } }],
      ['/api/payments/00000000-0000-4000-8000-000000000000', {}],
    ] as const) {
      const { response, json } = await api(portal, path, { origin: portal.origin, ...init });
      expect(response.status, path).toBe(401);
      expect(json.code).toBe('unauthenticated');
    }
  });

  it('describes the routes in /api/openapi.json', async () => {
    const { json } = await api(portal, '/api/openapi.json');
    for (const path of ['/invoices', '/payments', '/payments/{id}', '/payments/webhooks/demo']) expect(json.paths[path], path).toBeDefined();
  });
});
