import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, listInvoices, outstandingTotal, type InvoiceView } from '../../../../server/domain/payments/invoices.ts';
import type { InvoiceReadContext } from '../../../../server/domain/payments/context.ts';
import { DEMO_LOGINS, seedDemoData } from '../../../../server/seed/index.ts';
import { useTestDatabase } from '../../../support/database.ts';
import { expectRefusal, rows } from './support.ts';
import { countQueries } from '../support.ts';
import { testPartnerSecrets } from '../../../support/partner-secrets.ts';

/**
 * Invoices and the outstanding premium (kiterhelt díj) on the seeded data set, checked against
 * sums computed independently in SQL (Budapest's date from the database, not from our code).
 */
const db = useTestDatabase();
const ctx = (): InvoiceReadContext => ({ sequelize: db.sequelize });
let personId: number;

// Today in Budapest as the database computes it: an independent source for "overdue".
const TODAY_SQL = `(now() at time zone 'Europe/Budapest')::date`;

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets, { customers: 80 });
  const [person] = await rows<{ id: number }>(db.sequelize, 'select id from customers where customer_number = $1', [DEMO_LOGINS.person.customerNumber]);
  personId = Number(person!.id);
}, 120_000);

async function allPages(customerId: number, status: 'open' | 'overdue' | 'paid' | 'all', pageSize: number, scope?: number[]): Promise<InvoiceView[]> {
  const items: InvoiceView[] = [];
  for (let page = 1; ; page++) {
    const result = await listInvoices(ctx(), customerId, { status, page, pageSize, allowedPolicyIds: scope ?? null });
    items.push(...result.items);
    if (result.items.length < pageSize) {
      expect(items).toHaveLength(result.total);
      return items;
    }
  }
}

describe('outstandingTotal', () => {
  it("equals, for every customer, the open invoices' sum computed in SQL, overdue part included", async () => {
    const expected = await rows<{ customer_id: number; total: string; n: string; overdue: string; overdue_n: string }>(
      db.sequelize,
      `select c.id as customer_id,
              coalesce(sum(i.amount_huf) filter (where i.status = 'open'), 0) as total,
              count(i.id) filter (where i.status = 'open') as n,
              coalesce(sum(i.amount_huf) filter (where i.status = 'open' and i.due_date < ${TODAY_SQL}), 0) as overdue,
              count(i.id) filter (where i.status = 'open' and i.due_date < ${TODAY_SQL}) as overdue_n
         from customers c left join invoices i on i.customer_id = c.id
        group by c.id order by c.id`,
    );
    expect(expected.length).toBeGreaterThanOrEqual(80);
    expect(expected.filter((e) => Number(e.overdue_n) > 0).length).toBeGreaterThan(0);
    for (const row of expected) {
      const got = await outstandingTotal(ctx(), Number(row.customer_id));
      expect(got, `customer ${row.customer_id}`).toEqual({
        totalHuf: Number(row.total),
        count: Number(row.n),
        overdueHuf: Number(row.overdue),
        overdueCount: Number(row.overdue_n),
      });
    }
  });

  it('the demo person owes open and overdue premium, which the open list adds up to', async () => {
    const total = await outstandingTotal(ctx(), personId);
    expect(total.count).toBeGreaterThanOrEqual(2);
    expect(total.overdueCount).toBeGreaterThanOrEqual(1);
    expect(total.overdueHuf).toBeLessThan(total.totalHuf);
    const open = await allPages(personId, 'open', 100);
    expect(open.reduce((s, i) => s + i.amountHuf, 0)).toBe(total.totalHuf);
    const overdue = open.filter((i) => i.overdue);
    expect(overdue.reduce((s, i) => s + i.amountHuf, 0)).toBe(total.overdueHuf);
  });

  it('respects a broker scope: only the allowed policies count; an empty scope owes nothing', async () => {
    const [broker] = await rows<{ ids: number[] }>(
      db.sequelize,
      `select array_agg(id order by id) as ids from policies where customer_id = $1 and broker_id is not null`,
      [personId],
    );
    const scope = broker!.ids.map(Number);
    const [expected] = await rows<{ total: string }>(
      db.sequelize,
      `select coalesce(sum(amount_huf), 0) as total from invoices where customer_id = $1 and status = 'open' and policy_id = any($2::int[])`,
      [personId, scope],
    );
    expect((await outstandingTotal(ctx(), personId, { allowedPolicyIds: scope })).totalHuf).toBe(Number(expected!.total));
    expect(await outstandingTotal(ctx(), personId, { allowedPolicyIds: [] })).toEqual({ totalHuf: 0, count: 0, overdueHuf: 0, overdueCount: 0 });
    await expectRefusal(outstandingTotal(ctx(), personId, { allowedPolicyIds: [-1] }), 'invalid_scope', 'invalid');
  });
});

describe('listInvoices', () => {
  it('derives overdue from the calendar: open and due before today, with the days past due', async () => {
    const overdue = await allPages(personId, 'overdue', 50);
    expect(overdue.length).toBeGreaterThan(0);
    const [{ today }] = (await rows<{ today: string }>(db.sequelize, `select to_char(${TODAY_SQL}, 'YYYY-MM-DD') as today`)) as [{ today: string }];
    for (const invoice of overdue) {
      expect(invoice).toMatchObject({ status: 'overdue', overdue: true, paidAt: null });
      expect(invoice.dueDate < today).toBe(true);
      expect(invoice.daysOverdue).toBe(Math.round((Date.parse(today) - Date.parse(invoice.dueDate)) / 86_400_000));
    }
    const open = await allPages(personId, 'open', 50);
    expect(open.filter((i) => i.overdue).map((i) => i.id)).toEqual(overdue.map((i) => i.id));
    for (const invoice of open.filter((i) => !i.overdue)) expect(invoice).toMatchObject({ status: 'open', daysOverdue: 0 });
    // Oldest due first: the most urgent at the top.
    expect(open.map((i) => i.dueDate)).toEqual([...open.map((i) => i.dueDate)].sort());
  });

  it('pages through every invoice of a customer without gaps or repeats, newest first', async () => {
    const [{ n }] = (await rows<{ n: string }>(db.sequelize, 'select count(*) as n from invoices where customer_id = $1', [personId])) as [{ n: string }];
    const all = await allPages(personId, 'all', 7);
    expect(all.length).toBe(Number(n));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.map((i) => i.dueDate)).toEqual([...all.map((i) => i.dueDate)].sort().reverse());
    const paid = await allPages(personId, 'paid', 10);
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((i) => i.status === 'paid' && i.paidAt !== null && !i.overdue)).toBe(true);
    expect(paid.map((i) => i.paidAt)).toEqual([...paid.map((i) => i.paidAt)].sort().reverse());
    // Each invoice carries its policy.
    const [policy] = await rows<{ policy_number: string }>(db.sequelize, 'select policy_number from policies where id = $1', [all[0]!.policyId]);
    expect(all[0]!.policyNumber).toBe(policy!.policy_number);
    // A page past the end is empty but still reports the total.
    expect(await listInvoices(ctx(), personId, { status: 'all', page: 1000, pageSize: 10 })).toEqual({ items: [], page: 1000, pageSize: 10, total: Number(n) });
  });

  it('shows a broker partner only its policies', async () => {
    const all = await allPages(personId, 'all', 100);
    const policyIds = [...new Set(all.map((i) => i.policyId))];
    expect(policyIds.length).toBeGreaterThan(1);
    const scoped = await allPages(personId, 'all', 100, [policyIds[0]!]);
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((i) => i.policyId === policyIds[0])).toBe(true);
    expect(await listInvoices(ctx(), personId, { status: 'all', allowedPolicyIds: [] })).toMatchObject({ items: [], total: 0 });
  });

  it('uses the same small number of queries whatever the page size (no N+1)', async () => {
    const small = await countQueries(db.sequelize, () => listInvoices(ctx(), personId, { status: 'all', pageSize: 2 }));
    const big = await countQueries(db.sequelize, () => listInvoices(ctx(), personId, { status: 'all', pageSize: MAX_PAGE_SIZE }));
    expect(big.result.items.length).toBeGreaterThan(2);
    expect(big.queries.length).toBe(small.queries.length);
    expect(small.queries.length).toBe(2);
    expect((await countQueries(db.sequelize, () => outstandingTotal(ctx(), personId))).queries).toHaveLength(1);
  });

  it('refuses bad paging and unknown filters', async () => {
    await expectRefusal(listInvoices(ctx(), personId, { pageSize: MAX_PAGE_SIZE + 1 }), 'invalid_paging', 'invalid');
    await expectRefusal(listInvoices(ctx(), personId, { page: 0 }), 'invalid_paging', 'invalid');
    await expectRefusal(listInvoices(ctx(), personId, { pageSize: 2.5 }), 'invalid_paging', 'invalid');
    await expectRefusal(listInvoices(ctx(), personId, { status: 'late' as never }), 'invalid_status_filter', 'invalid');
  });

  it("another customer's id simply lists that customer's own invoices: never the person's", async () => {
    const [other] = await rows<{ id: number }>(db.sequelize, 'select id from customers where id <> $1 order by id limit 1', [personId]);
    const theirs = await allPages(Number(other!.id), 'all', 100);
    const mine = new Set((await allPages(personId, 'all', 100)).map((i) => i.id));
    expect(theirs.some((i) => mine.has(i.id))).toBe(false);
  });
});
