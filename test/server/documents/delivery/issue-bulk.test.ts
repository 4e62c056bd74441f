import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { issueBulk, startOfBudapestDay } from '../../../../server/documents/delivery/issue-bulk.ts';
import { createDocumentRenderer, renderAll } from '../../../../server/documents/delivery/render-pool.ts';
import type { DeliveryContext } from '../../../../server/documents/delivery/deliver-document.ts';
import { kgfb, samples } from '../fixtures.ts';
import { pdfText } from '../pdf-text.ts';
import { count, createCustomer, createInvoice, createPolicy, type TestCustomer, type TestPolicy } from './fixtures.ts';

const db = useTestDatabase();
const ctx = (): DeliveryContext => ({ sequelize: db.sequelize, publicUrl: new URL('https://portal.example'), actorId: 'test:bulk' });

interface Holder {
  customer: TestCustomer;
  policy: TestPolicy;
}

const billable: Holder[] = [];
const nothingDue: Holder[] = [];
const cancelled: Holder[] = [];
const casco: Holder[] = [];
let twoInvoices: Holder;
let noEmail: Holder;

async function holder(options: Parameters<typeof createPolicy>[2], customerOptions: Parameters<typeof createCustomer>[1] = {}): Promise<Holder> {
  const customer = await createCustomer(db.sequelize, customerOptions);
  return { customer, policy: await createPolicy(db.sequelize, customer.id, options) };
}

beforeAll(async () => {
  for (let i = 0; i < 3; i++) billable.push(await holder({ product: 'kgfb' }));
  noEmail = await holder({ product: 'kgfb' }, { email: null });
  billable.push(noEmail);
  twoInvoices = billable[0]!;
  for (const h of billable) await createInvoice(db.sequelize, h.policy, { dueDate: '2026-12-01', amountHuf: 31_350 });
  await createInvoice(db.sequelize, twoInvoices.policy, { dueDate: '2027-03-01', amountHuf: 31_350 });
  // Active, but nothing to bill: one has only a paid invoice.
  for (let i = 0; i < 2; i++) nothingDue.push(await holder({ product: 'kgfb' }));
  await createInvoice(db.sequelize, nothingDue[0]!.policy, { status: 'paid', dueDate: '2026-09-01' });
  // Cancelled kgfb policies with open invoices and active CASCO ones: not part of a kgfb run.
  for (let i = 0; i < 2; i++) {
    const c = await holder({ product: 'kgfb', status: 'cancelled' });
    await createInvoice(db.sequelize, c.policy);
    cancelled.push(c);
    const k = await holder({ product: 'casco', startDate: '2025-01-10', annualPremiumHuf: 212_000 });
    await createInvoice(db.sequelize, k.policy);
    casco.push(k);
  }
});

async function documentsOfPolicy(policyId: number) {
  return db.sequelize.query<{ id: string; type: string; content: Buffer; sha256: string; source: string }>(
    'select id, type, content, sha256, source from documents where policy_id = $1 order by created_at',
    { bind: [policyId], type: QueryTypes.SELECT },
  );
}

describe('issueBulk', () => {
  it('issues one premium notice per active policy of the product, none for cancelled or other products, each with its e-mail', async () => {
    const progress: [number, number][] = [];
    const result = await issueBulk(ctx(), {
      type: 'dijbekero',
      product: 'kgfb',
      source: 'operations',
      batchSize: 2,
      renderWorkers: 0,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toMatchObject({ total: 6, issued: 4, notificationsQueued: 3, withoutEmail: 1, skipped: { nothing_to_bill: 2 } });
    expect(result.documentsPerSecond).toBeGreaterThan(0);

    for (const h of billable) expect(await documentsOfPolicy(h.policy.id)).toHaveLength(1);
    for (const h of [...nothingDue, ...cancelled, ...casco]) expect(await documentsOfPolicy(h.policy.id)).toHaveLength(0);

    // Progress: from 0, never backwards, ending at total (three batches of two).
    expect(progress[0]).toEqual([0, 6]);
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(progress.map(([done]) => done)).toEqual([0, 2, 4, 6]);

    // Each document has its notification (linking to it) except the customer without e-mail, and an audit event of the run.
    for (const h of billable) {
      const [document] = await documentsOfPolicy(h.policy.id);
      expect(createHash('sha256').update(document!.content).digest('hex')).toBe(document!.sha256);
      const mails = await db.sequelize.query<{ to_address: string; data: { customerNumber: string; loginUrl: string; documentType: string } }>(
        `select to_address, data from notifications where data->>'loginUrl' like $1`,
        { bind: [`%document=${document!.id}`], type: QueryTypes.SELECT },
      );
      if (h === noEmail) {
        expect(mails).toHaveLength(0);
      } else {
        expect(mails).toHaveLength(1);
        expect(mails[0]).toMatchObject({ to_address: h.customer.email, data: { customerNumber: h.customer.customerNumber, documentType: 'dijbekero' } });
      }
      const audits = await db.sequelize.query<{ actor_type: string; metadata: { bulkRunId: string } }>(
        `select actor_type, metadata from audit_events where action = 'document.issued' and subject_id = $1`,
        { bind: [document!.id], type: QueryTypes.SELECT },
      );
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actor_type: 'operator', metadata: { bulkRunId: result.runId } });
    }
  });

  it('renders a real premium notice: pdftotext finds the type, the customer number, the invoices and the document id', async () => {
    const [document] = await documentsOfPolicy(twoInvoices.policy.id);
    const text = await pdfText(document!.content);
    expect(text).toContain('Díjbekérő');
    expect(text).toContain(twoInvoices.customer.customerNumber);
    expect(text).toContain(twoInvoices.policy.policyNumber);
    expect(text).toContain(document!.id);
    expect(text).toContain('62 700 Ft'); // two open invoices of 31 350 Ft
  });

  it('skips the policies already served today when run again, and issues again only when asked', async () => {
    const before = await count(db.sequelize, 'select 1 from documents');
    const again = await issueBulk(ctx(), { type: 'dijbekero', product: 'kgfb', renderWorkers: 0 });
    expect(again).toMatchObject({ total: 6, issued: 0, skipped: { already_issued_today: 4, nothing_to_bill: 2 } });
    expect(await count(db.sequelize, 'select 1 from documents')).toBe(before);

    const forced = await issueBulk(ctx(), { type: 'dijbekero', product: 'kgfb', renderWorkers: 0, skipIssuedSince: null });
    expect(forced).toMatchObject({ issued: 4, notificationsQueued: 3 });
    for (const h of billable) expect(await documentsOfPolicy(h.policy.id)).toHaveLength(2);
  });

  it('refuses a type that cannot be issued in bulk for the product before writing anything', async () => {
    const before = await count(db.sequelize, 'select 1 from documents');
    await expect(issueBulk(ctx(), { type: 'kartorteneti_igazolas', product: 'home' })).rejects.toMatchObject({ code: 'type_not_for_product' });
    await expect(issueBulk(ctx(), { type: 'befizetes_igazolas', product: 'kgfb' })).rejects.toMatchObject({ code: 'type_not_issuable' });
    expect(await count(db.sequelize, 'select 1 from documents')).toBe(before);
  });

  it('renders in worker threads: renewal notices for every active CASCO policy', async () => {
    const issuedAt = '2026-11-24T09:30:00.000Z';
    const result = await issueBulk(ctx(), { type: 'evfordulos_ertesito', product: 'casco', renderWorkers: 2, issuedAt, source: 'system' });
    expect(result).toMatchObject({ total: 2, issued: 2, renderWorkers: 2, notificationsQueued: 2 });
    for (const h of casco) {
      const documents = (await documentsOfPolicy(h.policy.id)).filter((d) => d.type === 'evfordulos_ertesito');
      expect(documents).toHaveLength(1);
      expect(documents[0]!.source).toBe('system');
      const text = await pdfText(documents[0]!.content);
      expect(text).toContain('Évfordulós értesítő');
      expect(text).toContain(h.customer.customerNumber);
      expect(text).toContain('2027. 01. 10.'); // next anniversary of 2025-01-10
      expect(text).toContain('226 800 Ft'); // 212 000 Ft + 7 %, rounded to 100 Ft
    }
  });
});

describe('the render pool', () => {
  it('gives the same bytes, in input order, from worker threads as in this thread', async () => {
    const inputs = [samples.dijbekero, samples.kotveny, samples.evfordulos_ertesito, samples.kartorteneti_igazolas, samples.biztositasi_igazolas];
    const local = await renderAll(inputs);
    const renderer = createDocumentRenderer({ workers: 2 });
    try {
      const remote = await renderer.render(inputs);
      expect(remote.map((d) => d.type)).toEqual(inputs.map((i) => i.type));
      expect(remote.map((d) => d.sha256)).toEqual(local.map((d) => d.sha256));
      for (const d of remote) {
        expect(Buffer.isBuffer(d.content)).toBe(true);
        expect(createHash('sha256').update(d.content).digest('hex')).toBe(d.sha256);
      }
    } finally {
      await renderer.close();
    }
    await expect(renderer.render(inputs)).rejects.toThrow(/closed/);
  });

  it('reports a template failure in a worker as an error, not a hang', async () => {
    const renderer = createDocumentRenderer({ workers: 1 });
    try {
      const broken = { ...samples.dijbekero, policy: { ...kgfb, product: 'nope' } } as unknown as typeof samples.dijbekero;
      await expect(renderer.render([broken])).rejects.toThrow(/rendering failed in a worker/);
      // The worker survives a failed document.
      expect(await renderer.render([samples.kotveny])).toHaveLength(1);
    } finally {
      await renderer.close();
    }
  });
});

describe('startOfBudapestDay', () => {
  it('is local midnight in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(startOfBudapestDay('2026-11-24').toISOString()).toBe('2026-11-23T23:00:00.000Z');
    expect(startOfBudapestDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
});
