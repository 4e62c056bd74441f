import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { addDays, addYears, budapestDate } from '../../../../server/kernel/calendar.ts';
import { useTestDatabase } from '../../../support/database.ts';
import { api, BROKER_ORIGIN, loginSession, PERSON, startPortal, type BrowserSession, type RunningPortal } from '../session/harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;
let own: BrowserSession;
let broker: BrowserSession;
let customerId: number;
let brokerId: number;

async function rows<T extends object>(sql: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
}

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  own = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  broker = (await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON })).session;
  customerId = Number((await rows<{ id: number }>('select id from customers where customer_number = $1', [PERSON.customerNumber]))[0]!.id);
  brokerId = Number((await rows<{ broker_id: number }>(`select broker_id from partner_clients where client_id = 'biztos-pont'`))[0]!.broker_id);
});
afterAll(() => portal?.close());

/** What the overview must say, computed from the tables directly (the broker's scope when given). */
async function expected(scopeBroker: number | null) {
  const today = budapestDate(new Date());
  const scope = `and ($2::int is null or p.broker_id = $2::int)`;
  const [premium] = await rows<{ total: string; n: string; overdue: string; overdue_n: string }>(
    `select coalesce(sum(i.amount_huf), 0) as total, count(*) as n, coalesce(sum(i.amount_huf) filter (where i.due_date < $3::date), 0) as overdue,
            count(*) filter (where i.due_date < $3::date) as overdue_n
       from invoices i join policies p on p.id = i.policy_id where i.customer_id = $1 and i.status = 'open' ${scope}`,
    [customerId, scopeBroker, today],
  );
  const [unread] = await rows<{ n: string }>(
    `select count(*) as n from documents d left join policies p on p.id = d.policy_id
      where d.customer_id = $1 and d.read_at is null and ($2::int is null or d.policy_id is null or p.broker_id = $2::int)`,
    [customerId, scopeBroker],
  );
  const claims = await rows<{ claim_number: string }>(
    `select c.claim_number from claims c join policies p on p.id = c.policy_id
      where c.customer_id = $1 and c.status in ('received', 'in_review', 'approved') ${scope} order by c.created_at desc, c.id desc`,
    [customerId, scopeBroker],
  );
  return { premium: premium!, unread: Number(unread!.n), claims: claims.map((c) => c.claim_number) };
}

describe('GET /api/overview', () => {
  it("sums the customer's open and overdue premium, unread documents and open claims as the tables have them, on the insurer's portal", async () => {
    const { response, json } = await api(portal, '/api/overview', { origin: portal.origin, session: own });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const want = await expected(null);
    expect(json.premium).toMatchObject({
      totalHuf: Number(want.premium.total),
      count: Number(want.premium.n),
      overdueHuf: Number(want.premium.overdue),
      overdueCount: Number(want.premium.overdue_n),
    });
    expect(json.premium.count).toBeGreaterThan(0);
    expect(json.documents.unreadCount).toBe(want.unread);
    expect(json.claims.openCount).toBe(want.claims.length);
    expect(json.claims.open.map((c: { claimNumber: string }) => c.claimNumber)).toEqual(want.claims.slice(0, 5));
    expect(json.actionCount).toBe(Number(want.premium.n) + want.unread);
    expect(json.broker).toBeNull();
  });

  it('names the next payment due: the earliest open invoice not yet overdue', async () => {
    const today = budapestDate(new Date());
    const [next] = await rows<{ id: number; amount_huf: number }>(
      `select id, amount_huf from invoices where customer_id = $1 and status = 'open' and due_date >= $2::date order by due_date, id limit 1`,
      [customerId, today],
    );
    const { json } = await api(portal, '/api/overview', { origin: portal.origin, session: own });
    if (!next) expect(json.premium.nextDue).toBeNull();
    else expect(json.premium.nextDue).toMatchObject({ invoiceId: Number(next.id), amountHuf: Number(next.amount_huf) });
  });

  it("shows a broker partner only its own contracts' premium and claims, and the broker's contact", async () => {
    const { response, json } = await api(portal, '/api/overview', { origin: BROKER_ORIGIN, session: broker });
    expect(response.status).toBe(200);
    const want = await expected(brokerId);
    const all = await expected(null);
    expect(json.premium.totalHuf).toBe(Number(want.premium.total));
    expect(json.premium.count).toBe(Number(want.premium.n));
    expect(json.claims.openCount).toBe(want.claims.length);
    expect(json.documents.unreadCount).toBe(want.unread);
    // The demo customer has contracts outside this broker: the scope must have cut something.
    expect(Number(all.premium.n) + all.unread + all.claims.length).toBeGreaterThan(Number(want.premium.n) + want.unread + want.claims.length);
    expect(json.broker).toEqual({
      name: 'Biztos Pont Alkusz Kft.',
      phone: '+36 1 555 0142',
      email: 'ugyfelszolgalat@biztospont.example',
      website: 'https://biztospont.example',
    });
    const brokerPolicies = await rows<{ policy_number: string }>('select policy_number from policies where customer_id = $1 and broker_id = $2', [
      customerId,
      brokerId,
    ]);
    const allowed = new Set(brokerPolicies.map((p) => p.policy_number));
    for (const item of [...json.claims.open, ...json.renewals]) expect(allowed.has(item.policyNumber)).toBe(true);
  });

  it('lists a contract whose anniversary is within 60 days, with the days left, and one further away not', async () => {
    const today = budapestDate(new Date());
    const policies = await rows<{ id: number; policy_number: string; start_date: string }>(
      `select id, policy_number, start_date from policies where customer_id = $1 and status = 'active' and end_date is null order by id limit 2`,
      [customerId],
    );
    expect(policies.length).toBe(2);
    const [near, far] = policies as [(typeof policies)[0], (typeof policies)[0]];
    await db.sequelize.query('update policies set start_date = $2 where id = $1', { bind: [near.id, addYears(addDays(today, 10), -2)] });
    await db.sequelize.query('update policies set start_date = $2 where id = $1', { bind: [far.id, addYears(addDays(today, 90), -2)] });
    try {
      const { json } = await api(portal, '/api/overview', { origin: portal.origin, session: own });
      const renewals = json.renewals as Array<{ policyNumber: string; kind: string; date: string; daysLeft: number }>;
      expect(renewals.find((r) => r.policyNumber === near.policy_number)).toEqual(
        expect.objectContaining({ kind: 'anniversary', date: addDays(today, 10), daysLeft: 10 }),
      );
      expect(renewals.some((r) => r.policyNumber === far.policy_number)).toBe(false);
    } finally {
      await db.sequelize.query('update policies set start_date = $2 where id = $1', { bind: [near.id, near.start_date] });
      await db.sequelize.query('update policies set start_date = $2 where id = $1', { bind: [far.id, far.start_date] });
    }
  });

  it('answers 401 without a session', async () => {
    const { response, json } = await api(portal, '/api/overview', { origin: portal.origin });
    expect(response.status).toBe(401);
    expect(json.code).toBeDefined();
  });
});
