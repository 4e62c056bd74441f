import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { GOOD_CARD } from '../../domain/payments/support.ts';
import { api, BROKER_ORIGIN, loginSession, PERSON, startPortal, type BrowserSession, type RunningPortal } from '../session/harness.ts';

/**
 * Issue 15, finding 4: a payment receipt is a customer-level document (no policy of its own). A
 * broker partner's session lists and opens it only when every invoice it settled is on a policy
 * of that broker; one naming a direct contract stays with the insurer's own portal.
 */
const db = useTestDatabase();
let portal: RunningPortal;
let own: BrowserSession;
let broker: BrowserSession;
let brokerId: number;

async function sql<T extends object>(query: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
}

/** An open invoice of the person on a direct policy (`direct`) or on one of the broker's. */
async function openInvoice(of: 'direct' | 'broker'): Promise<number> {
  const [row] = await sql<{ id: number }>(
    `select i.id from invoices i join policies p on p.id = i.policy_id join customers c on c.id = i.customer_id
      where c.customer_number = $1 and i.status = 'open' and ${of === 'direct' ? 'p.broker_id is null' : 'p.broker_id = $2'}
      order by i.due_date, i.id limit 1`,
    of === 'direct' ? [PERSON.customerNumber] : [PERSON.customerNumber, brokerId],
  );
  if (!row) throw new Error(`the seed gave the person no open invoice on a ${of} policy`);
  return Number(row.id);
}

/** Pays one invoice through `session`'s partner on the hosted demo page; returns the receipt's document id. */
async function receiptFor(invoiceId: number, origin: string, session: BrowserSession): Promise<string> {
  const started = await api(portal, '/api/payments', {
    origin,
    session,
    body: { invoiceIds: [invoiceId], returnUrl: `${origin}/?fizetes=kesz`, cancelUrl: `${origin}/?fizetes=megszakitva` },
    headers: { 'Idempotency-Key': `receipt-scope-${invoiceId}` },
  });
  expect(started.response.status, started.text).toBe(201);
  const paid = await fetch(started.json.redirectUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portal.origin },
    body: new URLSearchParams(GOOD_CARD).toString(),
  });
  expect(paid.status).toBe(303);
  const [payment] = await sql<{ receipt_document_id: string }>('select receipt_document_id from payments where id = $1', [started.json.paymentId]);
  expect(payment!.receipt_document_id).toEqual(expect.any(String));
  return payment!.receipt_document_id;
}

const listed = async (origin: string, session: BrowserSession) =>
  ((await api(portal, '/api/documents?pageSize=100', { origin, session })).json.items as Array<{ id: string }>).map((d) => d.id);
const opened = async (origin: string, session: BrowserSession, id: string) =>
  (await api(portal, `/api/documents/${id}/content`, { origin, session })).response.status;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  own = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  broker = (await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON })).session;
  const [client] = await sql<{ broker_id: number }>(`select broker_id from partner_clients where client_id = 'biztos-pont'`);
  brokerId = Number(client!.broker_id);
}, 120_000);
afterAll(() => portal?.close());

describe('a payment receipt in a broker partner’s mailbox', () => {
  it('is neither listed nor opened when it names a direct contract; the insurer’s own portal sees it', async () => {
    const receipt = await receiptFor(await openInvoice('direct'), portal.origin, own);

    expect(await listed(BROKER_ORIGIN, broker)).not.toContain(receipt);
    expect(await opened(BROKER_ORIGIN, broker, receipt)).toBe(404);

    expect(await listed(portal.origin, own)).toContain(receipt);
    expect(await opened(portal.origin, own, receipt)).toBe(200);
  });

  it('is listed and opened when every invoice it settled is on the broker’s policies', async () => {
    const receipt = await receiptFor(await openInvoice('broker'), BROKER_ORIGIN, broker);
    expect(await listed(BROKER_ORIGIN, broker)).toContain(receipt);
    expect(await opened(BROKER_ORIGIN, broker, receipt)).toBe(200);
  });
});
