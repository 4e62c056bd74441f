import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { GOOD_CARD } from '../../domain/payments/support.ts';
import { api, COMPANY, loginSession, PERSON, startPortal, type BrowserSession, type RunningPortal } from '../session/harness.ts';

/**
 * Issue 15, finding 3: concurrent starts with one Idempotency-Key against the real API on
 * PostgreSQL. One payment and one checkout come out of them, with the URLs of the request that
 * won; a replay with other URLs is 409, a foreign return URL is 422 even on a replay, and money
 * taken on a checkout that lost the race is recorded as a refund due on the payment.
 */
const db = useTestDatabase();
let portal: RunningPortal;
let person: BrowserSession;
let company: BrowserSession;

const EVIL = 'https://evil.example/phish';

async function sql<T extends object>(query: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
}

async function openInvoiceOf(customerNumber: string): Promise<number> {
  const [row] = await sql<{ id: number }>(
    `select i.id from invoices i join customers c on c.id = i.customer_id
      where c.customer_number = $1 and i.status = 'open' order by i.due_date, i.id limit 1`,
    [customerNumber],
  );
  return Number(row!.id);
}

const pay = (session: BrowserSession, key: string, body: Record<string, unknown>) =>
  api(portal, '/api/payments', { origin: portal.origin, session, body, headers: { 'Idempotency-Key': key } });

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  person = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  company = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY })).session;
}, 120_000);
afterAll(() => portal?.close());

describe('POST /api/payments with one Idempotency-Key, concurrently', () => {
  it('makes one payment and one checkout with the winner’s URLs: other URLs 409, foreign ones 422, evil.example stored nowhere', async () => {
    const invoiceId = await openInvoiceOf(PERSON.customerNumber);
    const key = `race-${Date.now()}`;
    const good = { invoiceIds: [invoiceId], returnUrl: `${portal.origin}/?fizetes=kesz`, cancelUrl: `${portal.origin}/?fizetes=megszakitva` };
    const other = { ...good, returnUrl: `${portal.origin}/?fizetes=masik` };
    const evil = { ...good, returnUrl: EVIL };
    const bodies = [good, good, good, other, other, evil, evil, evil, evil, evil];

    const answers = await Promise.all(bodies.map((body) => pay(person, key, body)));

    answers.forEach((answer, i) => {
      if (bodies[i] !== evil) return;
      expect(answer.response.status).toBe(422);
      expect(answer.json.code).toBe('return_url_not_allowed');
    });
    const created = answers.filter((a) => a.response.status === 201);
    expect(created).toHaveLength(1);
    const winner = bodies[answers.indexOf(created[0]!)]!;
    answers.forEach((answer, i) => {
      const body = bodies[i]!;
      if (body === evil || answer === created[0]) return;
      if (body === winner) {
        expect(answer.response.status).toBe(200);
        expect(answer.json).toEqual(created[0]!.json);
      } else {
        expect(answer.response.status).toBe(409);
        expect(answer.response.headers.get('content-type')).toContain('application/problem+json');
        expect(answer.json.code).toBe('idempotency_key_reused');
      }
    });

    const payments = await sql<{ id: string; return_url: string; provider_reference: string }>(
      'select id, return_url, provider_reference from payments where idempotency_key = $1',
      [key],
    );
    expect(payments).toHaveLength(1);
    expect(payments[0]!.return_url).toBe(winner.returnUrl);
    const checkouts = await sql<{ reference: string; return_url: string }>('select reference, return_url from demo_payment_checkouts where payment_id = $1', [
      payments[0]!.id,
    ]);
    expect(checkouts).toEqual([{ reference: payments[0]!.provider_reference, return_url: winner.returnUrl }]);
    const stored = await sql<{ n: string }>(
      `select (select count(*) from payments where return_url like '%evil.example%' or cancel_url like '%evil.example%')
            + (select count(*) from demo_payment_checkouts where return_url like '%evil.example%' or cancel_url like '%evil.example%') as n`,
    );
    expect(Number(stored[0]!.n)).toBe(0);

    const replay = await pay(person, key, evil);
    expect(replay.response.status).toBe(422);
    expect(replay.json.code).toBe('return_url_not_allowed');
  });

  it('records a late success on a superseded checkout as a refund due on the payment, never drops it', async () => {
    const invoiceId = await openInvoiceOf(COMPANY.customerNumber);
    const key = `superseded-${Date.now()}`;
    const body = { invoiceIds: [invoiceId], returnUrl: `${portal.origin}/?fizetes=kesz`, cancelUrl: `${portal.origin}/?fizetes=megszakitva` };
    const first = await pay(company, key, body);
    expect(first.response.status).toBe(201);
    const paymentId = first.json.paymentId as string;
    // The start "died" between its commit and the provider call: the payment has no checkout yet.
    await db.sequelize.query('update payments set provider_reference = null, redirect_url = null where id = $1', { bind: [paymentId] });
    await db.sequelize.query('delete from demo_payment_checkouts where payment_id = $1', { bind: [paymentId] });

    // Two replays find it so, wait for the dead start, and both take over: one checkout wins.
    // Their waits end apart by however long the second waited for the first's lock; on a busy
    // machine the first could finish its checkout within that, and the second would simply take
    // it. So the provider holds the first checkout call until the second one comes: the race is
    // always run.
    const provider = portal.payments.provider;
    const createCheckout = provider.createCheckout.bind(provider);
    let asked = 0;
    let bothAsked!: () => void;
    const both = new Promise<void>((resolve) => (bothAsked = resolve));
    provider.createCheckout = async (request) => {
      if (++asked === 2) bothAsked();
      await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      return createCheckout(request);
    };
    const [a, b] = await Promise.all([pay(company, key, body), pay(company, key, body)]).finally(() => {
      provider.createCheckout = createCheckout;
    });
    expect(asked).toBe(2);
    expect([a.response.status, b.response.status]).toEqual([200, 200]);
    const [payment] = await sql<{ provider_reference: string; redirect_url: string; refund_due_huf: number; amount_huf: number }>(
      'select provider_reference, redirect_url, refund_due_huf, amount_huf from payments where id = $1',
      [paymentId],
    );
    expect(a.json.redirectUrl).toBe(payment!.redirect_url);
    expect(b.json.redirectUrl).toBe(payment!.redirect_url);
    const superseded = await sql<{ provider_reference: string }>('select provider_reference from payment_superseded_checkouts where payment_id = $1', [
      paymentId,
    ]);
    expect(superseded).toHaveLength(1);
    const loser = superseded[0]!.provider_reference;
    expect(loser).not.toBe(payment!.provider_reference);

    // The customer pays on the losing checkout anyway (its page was opened elsewhere).
    const pageUrl = new URL(`/pay/demo/${loser}`, portal.origin);
    const submitted = await fetch(pageUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portal.origin },
      body: new URLSearchParams(GOOD_CARD).toString(),
    });
    expect(submitted.status).toBe(303);

    const events = await sql<{ outcome: string; payment_id: string }>('select outcome, payment_id from payment_webhook_events where provider_reference = $1', [
      loser,
    ]);
    expect(events).toEqual([{ outcome: 'refund_due', payment_id: paymentId }]);
    const [after] = await sql<{ refund_due_huf: number; provider_reference: string; status: string }>(
      'select refund_due_huf, provider_reference, status from payments where id = $1',
      [paymentId],
    );
    expect(after).toEqual({ refund_due_huf: Number(payment!.amount_huf), provider_reference: payment!.provider_reference, status: 'pending' });
    const audits = await sql<{ action: string }>(`select action from audit_events where subject_id = $1 and action = 'payment.superseded_checkout_paid'`, [
      paymentId,
    ]);
    expect(audits).toHaveLength(1);

    // The provider's redelivery of the same event changes nothing more.
    const redelivery = await portal.payments.provider.webhookFor(loser);
    const again = await fetch(new URL('/api/payments/webhooks/demo', portal.origin), {
      method: 'POST',
      headers: redelivery!.headers,
      body: redelivery!.rawBody,
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { outcome: string }).outcome).toBe('duplicate');
    const [final] = await sql<{ refund_due_huf: number }>('select refund_due_huf from payments where id = $1', [paymentId]);
    expect(Number(final!.refund_due_huf)).toBe(Number(payment!.amount_huf));
  }, 60_000);
});
