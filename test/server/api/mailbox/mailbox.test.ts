import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { api, PERSON, BROKER_ORIGIN, loginSession } from '../session/harness.ts';
import { useTestDatabase } from '../../../support/database.ts';
import { describeOpenApiPaths, describeRefusalsWithoutSession, useLoggedInCustomers } from '../logged-in-customers.ts';

const db = useTestDatabase();
const c = useLoggedInCustomers(db);
const { person, company, one, count, fetchBinary, policyIdOf } = c;

describe('GET /api/documents', () => {
  it('lists the mailbox newest first with the unread count, as the database has it, without content', async () => {
    const total = await count('select id from documents where customer_id = $1', [c.personId]);
    const unread = await count('select id from documents where customer_id = $1 and read_at is null', [c.personId]);
    expect(total).toBeGreaterThan(3);
    expect(unread).toBeGreaterThan(0);

    const { response, json, text } = await person('/api/documents?pageSize=100');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(json.total).toBe(total);
    expect(json.items).toHaveLength(total);
    expect(json.unreadCount).toBe(unread);
    expect(json.items.filter((d: { read: boolean }) => !d.read)).toHaveLength(unread);
    expect(text).not.toContain('%PDF');
    const first = json.items[0];
    expect(Object.keys(first).sort()).toEqual(
      ['id', 'issuedAt', 'policyId', 'policyNumber', 'read', 'readAt', 'sizeBytes', 'title', 'type', 'typeName'].sort(),
    );
    expect(first.typeName.hu).toBeTruthy();
    expect(first.typeName.en).toBeTruthy();
    const issued = json.items.map((d: { issuedAt: string }) => d.issuedAt);
    expect([...issued].sort().reverse()).toEqual(issued);
    const withPolicy = json.items.find((d: { policyId: number | null }) => d.policyId !== null);
    const numberInDb = await one<{ policy_number: string }>('select policy_number from policies where id = $1', [withPolicy.policyId]);
    expect(withPolicy.policyNumber).toBe(numberInDb.policy_number);
  });

  it('filters by type, contract and unread, pages, and keeps unreadCount for the whole mailbox', async () => {
    const unread = await count('select id from documents where customer_id = $1 and read_at is null', [c.personId]);
    const kotveny = await count(`select id from documents where customer_id = $1 and type = 'kotveny'`, [c.personId]);
    const byType = await person('/api/documents?type=kotveny');
    expect(byType.json.total).toBe(kotveny);
    expect(byType.json.items.every((d: { type: string }) => d.type === 'kotveny')).toBe(true);
    expect(byType.json.unreadCount).toBe(unread);
    // The type filter's choices: every type of the whole mailbox with its count, whatever the filters.
    const perType = await db.sequelize.query<{ type: string; n: number }>(
      'select type, count(*)::int as n from documents where customer_id = $1 group by type order by type',
      { bind: [c.personId], type: QueryTypes.SELECT },
    );
    expect(perType.length).toBeGreaterThan(1);
    const choices = perType.map(({ type, n }) => ({ type, count: n }));
    expect(byType.json.types.map(({ type, count }: { type: string; count: number }) => ({ type, count }))).toEqual(choices);
    expect(byType.json.types.every((t: { typeName: { hu: string; en: string } }) => t.typeName.hu && t.typeName.en)).toBe(true);

    const unreadOnly = await person('/api/documents?unread=true&pageSize=100');
    expect(unreadOnly.json.total).toBe(unread);
    expect(unreadOnly.json.items.every((d: { read: boolean }) => !d.read)).toBe(true);

    const home = await policyIdOf(c.personId, 'home');
    const forHome = await count('select id from documents where customer_id = $1 and policy_id = $2', [c.personId, home]);
    const byPolicy = await person(`/api/documents?policyId=${home}`);
    expect(byPolicy.json.total).toBe(forHome);

    expect(byPolicy.json.types.map(({ type, count }: { type: string; count: number }) => ({ type, count }))).toEqual(choices);

    const paged = await person('/api/documents?pageSize=2&page=2');
    expect(paged.json.items).toHaveLength(2);
    expect(paged.json.page).toBe(2);

    // A page past the end: no documents, the counts all the same (the one query still answers them).
    const beyond = await person('/api/documents?pageSize=100&page=50');
    expect(beyond.response.status).toBe(200);
    expect(beyond.json.items).toEqual([]);
    expect(beyond.json.total).toBe(paged.json.total);
    expect(beyond.json.unreadCount).toBe(unread);
    expect(beyond.json.types.map(({ type, count }: { type: string; count: number }) => ({ type, count }))).toEqual(choices);
  });

  it('refuses a bad filter with 400 invalid_request', async () => {
    for (const query of ['type=nope', 'policyId=abc', 'pageSize=1000', 'unread=maybe']) {
      const { response, json } = await person(`/api/documents?${query}`);
      expect(response.status, query).toBe(400);
      expect(json.code).toBe('invalid_request');
    }
  });

  it("shows a broker-scoped partner only its broker's contracts' documents and the receipts of only those", async () => {
    const { session } = await loginSession(c.portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    const broker = await one<{ broker_id: number }>(`select broker_id from partner_clients where client_id = 'biztos-pont'`);
    const visible = await count(
      `select d.id from documents d left join policies p on p.id = d.policy_id
        where d.customer_id = $1
          and (p.broker_id = $2
               or (d.policy_id is null and d.id in (select receipt_document_id from payments)
                   and d.id not in (select pay.receipt_document_id from payments pay join payment_invoices pi on pi.payment_id = pay.id
                                      join invoices i on i.id = pi.invoice_id join policies ip on ip.id = i.policy_id
                                     where pay.receipt_document_id is not null and ip.broker_id is distinct from $2)))`,
      [c.personId, broker.broker_id],
    );
    const all = await count('select id from documents where customer_id = $1', [c.personId]);
    expect(visible).toBeLessThan(all);
    const { json } = await api(c.portal, '/api/documents?pageSize=100', { origin: BROKER_ORIGIN, session });
    expect(json.total).toBe(visible);

    const home = await policyIdOf(c.personId, 'home');
    const homeDoc = await one<{ id: string }>('select id from documents where policy_id = $1 limit 1', [home]);
    const opened = await api(c.portal, `/api/documents/${homeDoc.id}/content`, { origin: BROKER_ORIGIN, session });
    expect(opened.response.status).toBe(404);
  });
});

describe('GET /api/documents/{id}/content', () => {
  it('answers the PDF, marks it read once and audits every opening', async () => {
    const doc = await one<{ id: string; sha256: string; filename: string }>(
      'select id, sha256, filename from documents where customer_id = $1 and read_at is null order by issued_at desc limit 1',
      [c.personId],
    );
    const before = (await person('/api/documents')).json.unreadCount;

    const { response, bytes } = await fetchBinary(`/api/documents/${doc.id}/content`, c.personSession);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+"; filename\*=UTF-8''/);
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent(doc.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    );
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);

    expect((await person('/api/documents')).json.unreadCount).toBe(before - 1);
    const read = await one<{ read_at: Date | null }>('select read_at from documents where id = $1', [doc.id]);
    expect(read.read_at).not.toBeNull();

    const download = await fetchBinary(`/api/documents/${doc.id}/content?download=1`, c.personSession);
    expect(download.response.status).toBe(200);
    expect(download.response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect((await person('/api/documents')).json.unreadCount).toBe(before - 1);
    const readAgain = await one<{ read_at: Date | null }>('select read_at from documents where id = $1', [doc.id]);
    expect(readAgain.read_at).toEqual(read.read_at);

    const audit = await db.sequelize.query<{ action: string; actor_type: string; customer_id: number; client_id: string; metadata: Record<string, unknown> }>(
      `select action, actor_type, customer_id, client_id, metadata from audit_events where subject_type = 'document' and subject_id = $1 order by id`,
      { bind: [doc.id], type: QueryTypes.SELECT },
    );
    expect(audit.map((a) => a.action)).toEqual(['document.opened', 'document.downloaded']);
    for (const row of audit) {
      expect(row).toMatchObject({ actor_type: 'customer', customer_id: c.personId, client_id: 'portal' });
      const metadata = JSON.stringify(row.metadata);
      expect(metadata).not.toContain(PERSON.name);
      expect(metadata).not.toContain(doc.filename);
    }
  });

  it("answers 404 to the company for the person's document, and writes nothing", async () => {
    const doc = await one<{ id: string }>('select id from documents where customer_id = $1 and read_at is null limit 1', [c.personId]);
    const auditBefore = await count('select id from audit_events');
    const { response, json } = await company(`/api/documents/${doc.id}/content`);
    expect(response.status).toBe(404);
    expect(json.code).toBe('document_not_found');
    expect(await count('select id from audit_events')).toBe(auditBefore);
    expect((await one<{ read_at: Date | null }>('select read_at from documents where id = $1', [doc.id])).read_at).toBeNull();
    const missing = await company('/api/documents/not-a-uuid/content');
    expect(missing.response.status).toBe(404);
  });
});

describeRefusalsWithoutSession(c, [
  ['GET', '/api/documents'],
  ['GET', '/api/documents/00000000-0000-4000-8000-000000000000/content'],
]);
describeOpenApiPaths(c, ['/documents', '/documents/{id}/content']);
