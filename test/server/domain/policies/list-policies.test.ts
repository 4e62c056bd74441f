import { describe, expect, it } from 'vitest';
import { getPolicy, listPolicies, MAX_PAGE_SIZE } from '../../../../server/domain/policies/index.ts';
import { countQueries, expectRefusal, select, useSeededDatabase } from '../support.ts';

const db = useSeededDatabase();

describe('listPolicies', () => {
  it('lists live and cancelled contracts, live first, with counts per status', async () => {
    const { person, policies } = db.demo;
    const all = await listPolicies(db.ctx(), { customerId: person.id });
    expect(all.counts).toEqual({ active: 3, cancelled: 2 });
    expect(all.total).toBe(5);
    expect(all.items.map((p) => p.status)).toEqual(['active', 'active', 'active', 'cancelled', 'cancelled']);
    expect(all.items.map((p) => p.id).sort()).toEqual(
      Object.values(policies)
        .map((p) => p.id)
        .sort(),
    );

    const kgfb = all.items.find((p) => p.id === policies.kgfb.id)!;
    expect(kgfb).toMatchObject({
      policyNumber: policies.kgfb.policyNumber,
      product: 'kgfb',
      productName: { hu: 'Kötelező gépjármű-felelősségbiztosítás' },
      paymentFrequency: 'quarterly',
      paymentMethod: 'bank_transfer',
      brokerName: 'Biztos Pont Alkusz Kft.',
      insuredObjectLabel: 'NKL-482 Škoda Octavia',
      pendingChanges: 0,
    });
    // The demo kgfb has an overdue notice: it shows in the outstanding premium.
    const [open] = await select<{ n: string; sum: string }>(
      db.sequelize,
      "select count(*) as n, sum(amount_huf) as sum from invoices where policy_id = $1 and status = 'open'",
      [policies.kgfb.id],
    );
    expect(kgfb.openInvoices).toBe(Number(open!.n));
    expect(kgfb.outstandingHuf).toBe(Number(open!.sum));
    expect(kgfb.overdueInvoices).toBeGreaterThanOrEqual(1);

    const cancelled = await listPolicies(db.ctx(), { customerId: person.id, status: 'cancelled' });
    expect(cancelled.items.map((p) => p.id).sort()).toEqual([policies.oldKgfb.id, policies.trip.id].sort());
    expect(cancelled.items.every((p) => p.cancelledAt !== null && p.cancelReason !== null)).toBe(true);
    expect(cancelled.total).toBe(2);
  });

  it('pages, and refuses a page size above the maximum', async () => {
    const { person } = db.demo;
    const first = await listPolicies(db.ctx(), { customerId: person.id, pageSize: 2 });
    const third = await listPolicies(db.ctx(), { customerId: person.id, pageSize: 2, page: 3 });
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(1);
    expect(first.total).toBe(5);
    const beyond = await listPolicies(db.ctx(), { customerId: person.id, pageSize: 2, page: 9 });
    expect(beyond.items).toEqual([]);
    // Past the end, the tabs' numbers still come (the statement answers them without a policy).
    expect(beyond.total).toBe(5);
    expect(beyond.counts).toEqual(first.counts);
    expect(first.counts.active + first.counts.cancelled).toBe(5);
    await expectRefusal(listPolicies(db.ctx(), { customerId: person.id, pageSize: MAX_PAGE_SIZE + 1 }), 'invalid_paging', 'invalid');
    await expectRefusal(listPolicies(db.ctx(), { customerId: person.id, page: 0 }), 'invalid_paging', 'invalid');
    await expectRefusal(listPolicies(db.ctx(), { customerId: person.id, status: 'deleted' as never }), 'invalid_status_filter', 'invalid');
  });

  it('with a broker scope shows only the policies that broker intermediates', async () => {
    const { person, policies, brokers } = db.demo;
    const first = await listPolicies(db.ctx(), { customerId: person.id, brokerId: brokers.first });
    expect(first.items.map((p) => p.id).sort()).toEqual([policies.kgfb.id, policies.casco.id, policies.oldKgfb.id].sort());
    expect(first.counts).toEqual({ active: 2, cancelled: 1 });
    const second = await listPolicies(db.ctx(), { customerId: person.id, brokerId: brokers.second });
    expect(second).toMatchObject({ items: [], total: 0, counts: { active: 0, cancelled: 0 } });
  });

  it('uses the same number of queries for one policy and for many', async () => {
    const { person, company } = db.demo;
    const counts: number[] = [];
    for (const args of [
      { customerId: person.id, status: 'cancelled' as const, pageSize: 1 },
      { customerId: person.id },
      { customerId: company.id },
      { customerId: 999_999 },
    ]) {
      const { result, queries } = await countQueries(db.sequelize, () => listPolicies(db.ctx(), args));
      counts.push(queries.length);
      expect(result.items.length).toBeLessThanOrEqual(6);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(1);
  });
});

describe('getPolicy', () => {
  it("sends a contract without its own address to the customer's correspondence address, and to the home address only without one", async () => {
    const { person, policies } = db.demo;
    const own = { postcode: '1052', city: 'Budapest', addressLine: 'Váci utca 10.' };
    await db.sequelize.query('update customers set correspondence_address = $1::jsonb where id = $2', { bind: [JSON.stringify(own), person.id] });
    try {
      const detail = await getPolicy(db.ctx(), { customerId: person.id, policyId: policies.casco.id });
      expect(detail.correspondenceAddress).toBeNull();
      expect(detail.effectiveCorrespondenceAddress).toEqual(own);
    } finally {
      await db.sequelize.query('update customers set correspondence_address = null where id = $1', { bind: [person.id] });
    }
  });

  it('shows the contract with its invoices, claims, documents and payment options', async () => {
    const { person, policies } = db.demo;
    const detail = await getPolicy(db.ctx(), { customerId: person.id, policyId: policies.casco.id });
    expect(detail).toMatchObject({
      id: policies.casco.id,
      product: 'casco',
      status: 'active',
      paymentFrequency: 'monthly',
      paymentMethod: 'direct_debit',
      changeable: true,
      correspondenceAddress: null,
      effectiveCorrespondenceAddress: { postcode: '9021', city: 'Győr', addressLine: 'Széchenyi tér 7. 2. em. 4.' },
    });
    expect(detail.insuredObject).toMatchObject({ kind: 'vehicle', plate: 'NKL-482' });
    const [invoices] = await select<{ n: string }>(db.sequelize, 'select count(*) as n from invoices where policy_id = $1', [policies.casco.id]);
    expect(detail.invoices).toHaveLength(Number(invoices!.n));
    // "All paid" in the demo: nothing overdue (a notice for the coming period may be open).
    expect(detail.invoices.some((i) => i.status === 'paid')).toBe(true);
    expect(detail.invoices.some((i) => i.status === 'overdue')).toBe(false);
    expect(detail.invoices.map((i) => i.dueDate)).toEqual([...detail.invoices.map((i) => i.dueDate)].sort().reverse());
    // The demo glass claim and its acknowledgement are on the CASCO contract.
    expect(detail.claims.map((c) => c.claimType)).toContain('glass');
    expect(detail.documents.map((d) => d.type)).toEqual(expect.arrayContaining(['kotveny', 'biztositasi_igazolas', 'karbejelentes_visszaigazolas']));
    expect(detail.documents.every((d) => !('content' in d))).toBe(true);
    // CASCO takes no postal cheque; monthly only by direct debit or card.
    expect(detail.paymentOptions.find((o) => o.frequency === 'monthly')!.methods).toEqual(['direct_debit', 'card']);
    expect(detail.paymentOptions.find((o) => o.frequency === 'annual')!.methods).toEqual(['bank_transfer', 'direct_debit', 'card']);
  });

  it('marks an open invoice past its due date as overdue and a cancelled contract as not changeable', async () => {
    const { person, policies } = db.demo;
    const kgfb = await getPolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id });
    expect(kgfb.invoices.some((i) => i.status === 'overdue')).toBe(true);
    expect(kgfb.outstandingHuf).toBe(kgfb.invoices.filter((i) => i.status === 'open' || i.status === 'overdue').reduce((s, i) => s + i.amountHuf, 0));
    const old = await getPolicy(db.ctx(), { customerId: person.id, policyId: policies.oldKgfb.id });
    expect(old).toMatchObject({ status: 'cancelled', changeable: false, cancelReason: 'vehicle_sold' });
  });

  it('answers not_found for another customer’s policy, exactly like a missing one', async () => {
    const { person, company, policies } = db.demo;
    const other = await expectRefusal(getPolicy(db.ctx(), { customerId: company.id, policyId: policies.kgfb.id }), 'policy_not_found', 'not_found');
    const missing = await expectRefusal(getPolicy(db.ctx(), { customerId: person.id, policyId: 987_654 }), 'policy_not_found', 'not_found');
    expect(other.message).toBe(missing.message);
    await expectRefusal(getPolicy(db.ctx(), { customerId: person.id, policyId: -1 }), 'policy_not_found', 'not_found');
    await expectRefusal(getPolicy(db.ctx(), { customerId: person.id, policyId: '1 or 1=1' as never }), 'policy_not_found', 'not_found');
  });

  it('hides a policy outside the broker scope', async () => {
    const { person, policies, brokers } = db.demo;
    await expectRefusal(getPolicy(db.ctx(), { customerId: person.id, policyId: policies.home.id, brokerId: brokers.first }), 'policy_not_found', 'not_found');
    await expectRefusal(getPolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id, brokerId: brokers.second }), 'policy_not_found', 'not_found');
    const seen = await getPolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id, brokerId: brokers.first });
    expect(seen.id).toBe(policies.kgfb.id);
  });

  it('uses a fixed number of queries whatever the contract holds', async () => {
    const { person, policies, companyPolicies } = db.demo;
    const counts: number[] = [];
    for (const policyId of [policies.kgfb.id, policies.trip.id, companyPolicies[0]!.id]) {
      const customerId = policyId === companyPolicies[0]!.id ? db.demo.company.id : person.id;
      counts.push((await countQueries(db.sequelize, () => getPolicy(db.ctx(), { customerId, policyId }))).queries.length);
    }
    expect(counts).toEqual([5, 5, 5]);
  });
});
